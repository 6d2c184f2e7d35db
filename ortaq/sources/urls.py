from django.urls import path

from ortaq.sources import views

app_name = "sources"

urlpatterns = [path("documents/<int:pk>/", views.document_detail, name="document_detail")]
