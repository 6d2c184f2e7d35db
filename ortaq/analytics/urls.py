from django.urls import path
from django.views.generic import RedirectView

from ortaq.analytics import views

app_name = "analytics"

urlpatterns = [
    path("map/", views.map_fragment, name="map"),
    path("pair/", views.pair_chooser, name="pair_chooser"),
    path("pair/<int:a>/<int:b>/", views.pair_page, name="pair"),
    # The tracker is the commitments page now; old links and bookmarks keep their filters.
    path("commitments/", RedirectView.as_view(pattern_name="agreements:commitment_list", query_string=True,
                                              permanent=True), name="tracker"),
    path("regions/<int:pk>/brief.pdf", views.brief_pdf, name="brief_pdf"),
    path("regions/<int:pk>/brief.xlsx", views.brief_xlsx, name="brief_xlsx"),
    path("regions/<int:pk>/brief/", views.brief_html, name="brief_html"),
]
