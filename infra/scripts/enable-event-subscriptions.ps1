# azd postdeploy hook (Windows). See enable-event-subscriptions.sh for why.
$ErrorActionPreference = 'Stop'
$current = ''
try { $current = (azd env get-value MNET_EVENT_SUBSCRIPTIONS_ENABLED 2>$null) } catch { $current = '' }
if ($current -eq 'true') {
  Write-Host 'mnet-autopilot: Event Grid subscriptions already enabled.'
  exit 0
}
Write-Host 'mnet-autopilot: enabling the Event Grid subscriptions and provisioning again...'
azd env set MNET_EVENT_SUBSCRIPTIONS_ENABLED true
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
azd provision --no-prompt
exit $LASTEXITCODE
