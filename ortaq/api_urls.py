"""The REST API (/api/): one router over the domain apps' viewsets, and the OpenAPI schema."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from ortaq.agreements.api import AgreementViewSet, CommitmentViewSet
from ortaq.directory.api import OrganizationViewSet, PersonViewSet, PositionViewSet
from ortaq.events.api import EventViewSet, ProgramViewSet
from ortaq.projects.api import JointProjectViewSet
from ortaq.regions.api import RegionViewSet, SettlementViewSet

router = DefaultRouter()
router.register("regions", RegionViewSet)
router.register("settlements", SettlementViewSet)
router.register("organizations", OrganizationViewSet)
router.register("people", PersonViewSet)
router.register("positions", PositionViewSet)
router.register("programs", ProgramViewSet)
router.register("events", EventViewSet)
router.register("agreements", AgreementViewSet)
router.register("commitments", CommitmentViewSet)
router.register("projects", JointProjectViewSet)

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    *router.urls,
]
