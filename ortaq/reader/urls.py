from django.urls import path

from ortaq.reader import views

app_name = "reader"

urlpatterns = [
    path("", views.DocumentListView.as_view(), name="document_list"),
    path("new/", views.document_create, name="document_create"),
    path("documents/<int:pk>/", views.document_review, name="document_review"),
    path("proposals/<int:pk>/", views.proposal_card, name="proposal_card"),
    path("proposals/<int:pk>/edit/", views.proposal_edit, name="proposal_edit"),
    path("proposals/<int:pk>/accept/", views.proposal_accept, name="proposal_accept"),
    path("proposals/<int:pk>/reject/", views.proposal_reject, name="proposal_reject"),
    path("proposals/<int:pk>/reopen/", views.proposal_reopen, name="proposal_reopen"),
]
