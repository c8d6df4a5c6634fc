# Import a gift category by its category ID; its gifts and translations are read from the service.
terraform import tencentlive_gift_category.hot hot
