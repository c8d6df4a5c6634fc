# Import an account by its user ID. The API has no profile read: nick and face_url stay empty in
# the state until the next apply sets them from the configuration.
terraform import tencentlive_account.host host-jane
