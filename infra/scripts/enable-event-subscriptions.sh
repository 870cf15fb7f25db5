#!/bin/sh
# azd postdeploy hook. The Event Grid event subscriptions deliver to the function eventGridWorkspaceChanged, which
# only exists after the first deploy; so the first provision skips them and this hook turns them on once.
set -eu
current="$(azd env get-value MNET_EVENT_SUBSCRIPTIONS_ENABLED 2>/dev/null || true)"
if [ "$current" = "true" ]; then
  echo "mnet-autopilot: Event Grid subscriptions already enabled."
  exit 0
fi
echo "mnet-autopilot: enabling the Event Grid subscriptions and provisioning again..."
azd env set MNET_EVENT_SUBSCRIPTIONS_ENABLED true
azd provision --no-prompt
