# The account a robot pushes a room's stream as, from OBS or another RTMP encoder.
resource "tencentlive_account" "obs" {
  user_id = "obs-robot-1"
  nick    = "OBS"
}

# A sig for that account, valid for a week. It is signed on this machine from the provider's
# secret_key and is never written to the plan or the state; a new one is signed on every run.
ephemeral "tencentlive_user_sig" "obs" {
  user_id = tencentlive_account.obs.user_id
  expire  = "168h"
}

# Hand it to what keeps it outside Terraform, through a write-only attribute, for example a
# secret store the encoder reads from:
#
# resource "aws_secretsmanager_secret_version" "obs_sig" {
#   secret_id                = aws_secretsmanager_secret.obs.id
#   secret_string_wo         = ephemeral.tencentlive_user_sig.obs.user_sig
#   secret_string_wo_version = 1
# }
