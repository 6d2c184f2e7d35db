from ortaq.agreements import views
from ortaq.agreements.models import Agreement, Area, Commitment, ProgressReport
from ortaq.core.routing import record_urls

app_name = "agreements"

urlpatterns = [
    *record_urls(Area, prefix="areas", list_view=views.AreaListView, detail_view=views.AreaDetailView,
                 create_view=views.AreaCreateView, edit_view=views.AreaUpdateView, delete_view=views.AreaDeleteView),
    # The commitments list is the analytics tracker (it reads across domains): ortaq/urls.py routes it here.
    *record_urls(Commitment, list_view=None, detail_view=views.CommitmentDetailView,
                 create_view=views.CommitmentCreateView, edit_view=views.CommitmentUpdateView,
                 delete_view=views.CommitmentDeleteView),
    *record_urls(ProgressReport, prefix="reports", list_view=views.ProgressReportListView,
                 detail_view=views.ProgressReportDetailView, create_view=views.ProgressReportCreateView,
                 edit_view=views.ProgressReportUpdateView, delete_view=views.ProgressReportDeleteView),
    *record_urls(Agreement, prefix="", list_view=views.AgreementListView, detail_view=views.AgreementDetailView,
                 create_view=views.AgreementCreateView, edit_view=views.AgreementUpdateView,
                 delete_view=views.AgreementDeleteView),
]
