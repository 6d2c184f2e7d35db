app_name = "foodbelt"

urlpatterns: list = []
