from django.urls import path

from ortaq.jobs import views

app_name = "jobs"
urlpatterns = [
    path("", views.job_list, name="list"),
    path("start/<slug:kind>/", views.job_start, name="start"),
    path("synthetic/", views.job_synthetic, name="synthetic"),
    path("<uuid:pk>/", views.job_detail, name="detail"),
    path("<uuid:pk>/<str:action>/", views.job_action, name="action"),
]
