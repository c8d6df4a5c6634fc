# Import a room by its room ID.
terraform import tencentlive_room.showroom showroom-001

# When the API does not report the seat template (some API versions leave it out of
# get_room_info), add it after a comma so the next plan is empty.
terraform import tencentlive_room.voice_salon salon-jazz,AudioSalon
