#!/usr/bin/env bash
# tools/serve-check/run.sh: the done-when check of `mnet serve` (issue 16), as a user runs it. Starts
# `bin/mnet emulator --scenario demo` and `bin/mnet serve` on two free loopback ports, then with curl: submits a
# request, reads its status until it waits for approval, approves the exact plan (runId + planHash), answers Event
# Grid's validation handshake and delivers a workspace event on the webhook, and reads the drift report the serve
# timer wrote. Prints every call and answer; stops both processes (SIGTERM) at the end. Exit 0 when every step did.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_line() { # file pattern
  for _ in $(seq 1 240); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.5; done
  echo "timed out waiting for \"$2\" in $1" >&2; cat "$1" >&2; return 1
}
say() { printf '\n$ %s\n' "$*"; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }

"$root/bin/mnet" --version >/dev/null # builds the CLI once, before the two processes start
emu_port="$(free_port)"
"$root/bin/mnet" emulator --scenario demo --port "$emu_port" --cert-dir "$work" >"$work/emulator.out" 2>"$work/emulator.err" &
pids+=($!)
wait_line "$work/emulator.out" "emulator ready"
cat "$work/emulator.out"

api_port="$(free_port)"
"$root/bin/mnet" serve --policy "$root/examples/demo-policy.yaml" --port "$api_port" \
  --endpoint "https://127.0.0.1:$emu_port" --ca "$work/emulator-ca.pem" --time-scale 600 \
  --drift-schedule "*/10 * * * * *" >"$work/serve.out" 2>"$work/serve.err" &
serve_pid=$!
pids+=("$serve_pid")
wait_line "$work/serve.out" "mnet serve listening on"
cat "$work/serve.out"
api="http://127.0.0.1:$api_port/api/v1"
ws="/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-ml-prod/providers/Microsoft.MachineLearningServices/workspaces/ws-internet"

say "curl -X POST $api/requests (submit)"
submit="$(curl -sS -X POST "$api/requests" -H 'content-type: application/json' \
  -d "{\"workspaceId\":\"$ws\",\"ticketId\":\"INC-SERVE-1\",\"requestedBy\":\"alice@contoso.com\"}" -w '\n%{http_code}')"
echo "$submit" | tail -1
id="$(echo "$submit" | head -1 | json 'd["instanceId"]')"
echo "instanceId=$id steps=$(echo "$submit" | head -1 | json '[s["id"] for s in d["plan"]["steps"]]')"

say "curl $api/requests/$id (status, until waiting for approval)"
for _ in $(seq 1 120); do
  status="$(curl -sS "$api/requests/$id")"
  state="$(echo "$status" | json 'd["state"]')"
  [[ "$state" == "waiting-for-approval" ]] && break
  sleep 0.5
done
echo "$status" | json '{k: d.get(k) for k in ("state", "phase", "ticketId", "approval")}'
run_id="$(echo "$status" | json 'd["approval"]["runId"]')"
plan_hash="$(echo "$status" | json 'd["approval"]["planHash"]')"

say "curl -X POST $api/requests/$id/approve (runId $run_id, planHash $plan_hash)"
curl -sS -X POST "$api/requests/$id/approve" -H 'content-type: application/json' \
  -d "{\"approver\":\"carol@contoso.com\",\"runId\":\"$run_id\",\"planHash\":\"$plan_hash\",\"comment\":\"ok\"}" -w '\n%{http_code}\n' \
  | sed -e '1s/.*/&/' | python3 -c 'import sys,json; l=sys.stdin.read().split("\n"); d=json.loads(l[0]); print(json.dumps(d["decision"])); print(l[1])'

say "curl -X POST $api/events (Event Grid subscription validation handshake)"
curl -sS -X POST "$api/events" -H 'content-type: application/json' -H 'aeg-event-type: SubscriptionValidation' \
  -d '[{"id":"v1","topic":"/subscriptions/00000000-0000-0000-0000-000000000001","subject":"","eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","eventTime":"2026-01-01T00:00:00Z","data":{"validationCode":"512d38b6-c7b8-40c8-89fe-f46f9e9622b6"},"dataVersion":"1","metadataVersion":"1"}]' \
  -w '\n%{http_code}\n'

say "curl -X POST $api/events (a workspace write event: the onboarding already runs)"
curl -sS -X POST "$api/events" -H 'content-type: application/json' -H 'aeg-event-type: Notification' \
  -d "[{\"id\":\"e1\",\"topic\":\"/subscriptions/00000000-0000-0000-0000-000000000001\",\"subject\":\"$ws\",\"eventType\":\"Microsoft.Resources.ResourceWriteSuccess\",\"eventTime\":\"2026-01-01T00:00:00Z\",\"data\":{\"subscriptionId\":\"00000000-0000-0000-0000-000000000001\",\"resourceUri\":\"$ws\",\"operationName\":\"Microsoft.MachineLearningServices/workspaces/write\",\"status\":\"Succeeded\"},\"dataVersion\":\"2\",\"metadataVersion\":\"1\"}]" \
  -w '\n%{http_code}\n'

say "curl $api/drift (the report of the serve timer's scan)"
for _ in $(seq 1 120); do
  code="$(curl -sS -o "$work/drift.json" -w '%{http_code}' "$api/drift")"
  [[ "$code" == 200 ]] && break
  sleep 0.5
done
echo "$code"
json '{"policyName": d["policyName"], "instanceId": d.get("instanceId"), "summary": {k: v for k, v in d["report"].items() if not isinstance(v, (list, dict))}}' < "$work/drift.json"

say "curl $api/requests/$id (status after the approval)"
for _ in $(seq 1 240); do
  state="$(curl -sS "$api/requests/$id" | json 'd["state"]')"
  [[ "$state" == "completed" || "$state" == "failed" ]] && break
  sleep 1
done
curl -sS "$api/requests/$id" | json '{k: d.get(k) for k in ("state", "result", "phase")}'

say "kill -TERM $serve_pid (mnet serve)"
kill -TERM "$serve_pid"
wait "$serve_pid" && echo "exit 0"
tail -2 "$work/serve.err"
