from ortaq.core.routing import record_urls
from ortaq.regions import views
from ortaq.regions.models import Region, Settlement

app_name = "regions"

urlpatterns = [
    *record_urls(Region, prefix="", list_view=views.RegionListView, detail_view=views.RegionDetailView,
                 create_view=views.RegionCreateView, edit_view=views.RegionUpdateView,
                 delete_view=views.RegionDeleteView),
    *record_urls(Settlement, list_view=views.SettlementListView, detail_view=views.SettlementDetailView,
                 create_view=views.SettlementCreateView, edit_view=views.SettlementUpdateView,
                 delete_view=views.SettlementDeleteView),
]
