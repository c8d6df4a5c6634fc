module github.com/tencentlive/terraform-provider-tencentlive

go 1.26.8
