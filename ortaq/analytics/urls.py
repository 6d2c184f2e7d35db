from django.urls import path

from ortaq.analytics import views

app_name = "analytics"

urlpatterns = [
    path("map/", views.map_fragment, name="map"),
    path("pair/", views.pair_chooser, name="pair_chooser"),
    path("pair/<int:a>/<int:b>/", views.pair_page, name="pair"),
    path("commitments/", views.TrackerView.as_view(), name="tracker"),
    path("regions/<int:pk>/brief.pdf", views.brief_pdf, name="brief_pdf"),
    path("regions/<int:pk>/brief.xlsx", views.brief_xlsx, name="brief_xlsx"),
    path("regions/<int:pk>/brief/", views.brief_html, name="brief_html"),
]
