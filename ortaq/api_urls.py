"""The REST API (/api/): one router over the domain apps' viewsets, and the OpenAPI schema."""

from csp.decorators import csp_update
from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from ortaq.agreements.api import AgreementViewSet, CommitmentViewSet
from ortaq.directory.api import OrganizationViewSet, PersonViewSet, PositionViewSet
from ortaq.events.api import EventViewSet, ProgramViewSet
from ortaq.foodbelt.api import (
    DeliveryViewSet,
    ProductCategoryViewSet,
    ReportedSupplyTotalViewSet,
    SupplierViewSet,
    SupplyPlanViewSet,
    SupplyProgramViewSet,
)
from ortaq.projects.api import JointProjectViewSet
from ortaq.reader.api import ProposalViewSet
from ortaq.regions.api import RegionViewSet, SettlementViewSet
from ortaq.sources.api import DocumentViewSet, SourceViewSet

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
router.register("foodbelt/categories", ProductCategoryViewSet)
router.register("foodbelt/programs", SupplyProgramViewSet)
router.register("foodbelt/suppliers", SupplierViewSet)
router.register("foodbelt/plans", SupplyPlanViewSet)
router.register("foodbelt/reported-totals", ReportedSupplyTotalViewSet)
router.register("foodbelt/deliveries", DeliveryViewSet)
router.register("documents", DocumentViewSet)
router.register("proposals", ProposalViewSet)
router.register("sources", SourceViewSet)

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # Swagger UI and ReDoc from the installed drf-spectacular-sidecar: no CDN; the Swagger set-up script is a
    # file of its own (no inline script under the Content-Security-Policy).
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    # ReDoc's search runs in a web worker it starts from a blob: URL.
    path("redoc/", csp_update({"worker-src": ["'self'", "blob:"]})(
        SpectacularRedocView.as_view(url_name="api-schema", template_name="api/redoc.html")), name="api-redoc"),
    *router.urls,
]
