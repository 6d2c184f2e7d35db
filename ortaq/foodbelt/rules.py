from ortaq.core.permissions import register_reference_models, register_registry_models

register_reference_models("foodbelt", "productcategory")
register_registry_models("foodbelt", "supplyprogram", "supplier", "supplyplan", "reportedsupplytotal", "delivery")
