app_name = "reader"

urlpatterns: list = []
