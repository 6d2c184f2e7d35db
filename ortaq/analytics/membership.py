"""Which regions each record touches, as SQL: the one definition every rollup and pair list is built on.

A record touches a region when the region, or an organization of the region, takes part in it:
- an agreement: its parties (a region, or an organization's region);
- an event: the region it is held in, its host's region and its participants' regions;
- a joint project: its regions and its partners' regions;
- a commitment: its owner's region and its agreement's party regions.
Each query yields (record_id, region_id) rows; `touches` stores them with the record's date, and the
rollups are counted from the stored touches.
"""

from __future__ import annotations

from django.apps import apps
from django.db import connection


def table(label: str) -> str:
    return connection.ops.quote_name(apps.get_model(label)._meta.db_table)


def m2m_table(label: str, field: str) -> str:
    return connection.ops.quote_name(apps.get_model(label)._meta.get_field(field).remote_field.through._meta.db_table)


def year_sql(column: str) -> str:
    """The year of a date column as an integer, 0 when empty."""
    if connection.vendor == "postgresql":
        return f"COALESCE(CAST(EXTRACT(YEAR FROM {column}) AS INTEGER), 0)"
    return f"COALESCE(CAST(strftime('%%Y', {column}) AS INTEGER), 0)"


def month_sql(column: str) -> str:
    """yyyymm of a date column as an integer, 0 when empty."""
    if connection.vendor == "postgresql":
        return f"COALESCE(CAST(to_char({column}, 'YYYYMM') AS INTEGER), 0)"
    return f"COALESCE(CAST(strftime('%%Y%%m', {column}) AS INTEGER), 0)"


def party_regions() -> str:
    """(record_id, region_id) of agreements: each party's region, or its organization's region."""
    return (f"SELECT p.agreement_id AS record_id, COALESCE(o.region_id, p.region_id) AS region_id "
            f"FROM {table('agreements.Party')} p LEFT JOIN {table('directory.Organization')} o "
            f"ON o.id = p.organization_id")


def event_regions() -> str:
    """(record_id, region_id) of events: where held, the host's region, each participant's region."""
    org = table("directory.Organization")
    return (f"SELECT e.id AS record_id, e.region_id AS region_id FROM {table('events.Event')} e "
            f"UNION SELECT e.id, o.region_id FROM {table('events.Event')} e JOIN {org} o ON o.id = e.host_id "
            f"UNION SELECT pa.event_id, COALESCE(o.region_id, pa.region_id) "
            f"FROM {table('events.Participation')} pa LEFT JOIN {org} o ON o.id = pa.organization_id")


def project_regions() -> str:
    """(record_id, region_id) of joint projects: their regions and their partners' regions."""
    return (f"SELECT r.jointproject_id AS record_id, r.region_id AS region_id "
            f"FROM {m2m_table('projects.JointProject', 'regions')} r "
            f"UNION SELECT p.jointproject_id, o.region_id FROM {m2m_table('projects.JointProject', 'partners')} p "
            f"JOIN {table('directory.Organization')} o ON o.id = p.organization_id")


def commitment_regions(region_only: bool = False) -> str:
    """(record_id, region_id, period=yyyymm due, status) of commitments: the owner's region and the regions
    its agreement touches (read from the touches); `region_only` adds two `%s` region filters."""
    org, commitment = table("directory.Organization"), table("agreements.Commitment")
    month = month_sql("c.due_date")
    return (f"SELECT c.id AS record_id, o.region_id AS region_id, {month} AS period, c.status AS status "
            f"FROM {commitment} c JOIN {org} o ON o.id = c.owner_id "
            f"WHERE o.region_id {'= %s' if region_only else 'IS NOT NULL'} "
            f"UNION SELECT c.id, t.region_id, {month}, c.status FROM {table('analytics.Touch')} t "
            f"JOIN {commitment} c ON c.agreement_id = t.record_id WHERE t.kind = 1"
            f"{' AND t.region_id = %s' if region_only else ''}")
