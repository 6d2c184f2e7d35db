"""Which regions each record touches, as SQL: the one definition every rollup and pair list is built on.

A record touches a region when the region, or an organization of the region, takes part in it:
- an agreement: its parties (a region, or an organization's region);
- an event: the region it is held in, its host's region and its participants' regions;
- a joint project: its regions and its partners' regions;
- a commitment: its owner's region and its agreement's party regions.
Each query yields (record_id, region_id, period) rows, one per record and region.
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


def _party_regions() -> str:
    return (f"SELECT p.agreement_id AS record_id, COALESCE(o.region_id, p.region_id) AS region_id "
            f"FROM {table('agreements.Party')} p LEFT JOIN {table('directory.Organization')} o "
            f"ON o.id = p.organization_id")


def agreement_members(touching: bool = False) -> str:
    """(record_id, region_id, period=year signed) of agreements; `touching` adds a `%s` region filter."""
    only = (f" WHERE m.record_id IN (SELECT t.record_id FROM ({_party_regions()}) t WHERE t.region_id = %s)"
            if touching else "")
    return (f"SELECT DISTINCT m.record_id, m.region_id, {year_sql('a.signed_on')} AS period "
            f"FROM ({_party_regions()}) m JOIN {table('agreements.Agreement')} a ON a.id = m.record_id"
            f"{only}{' AND' if touching else ' WHERE'} m.region_id IS NOT NULL")


def _event_regions() -> str:
    org = table("directory.Organization")
    return (f"SELECT e.id AS record_id, e.region_id AS region_id FROM {table('events.Event')} e "
            f"UNION SELECT e.id, o.region_id FROM {table('events.Event')} e JOIN {org} o ON o.id = e.host_id "
            f"UNION SELECT pa.event_id, COALESCE(o.region_id, pa.region_id) "
            f"FROM {table('events.Participation')} pa LEFT JOIN {org} o ON o.id = pa.organization_id")


def event_members(touching: bool = False) -> str:
    """(record_id, region_id, period=year started) of events."""
    only = (f" WHERE m.record_id IN (SELECT t.record_id FROM ({_event_regions()}) t WHERE t.region_id = %s)"
            if touching else "")
    return (f"SELECT m.record_id, m.region_id, {year_sql('e.start_date')} AS period "
            f"FROM ({_event_regions()}) m JOIN {table('events.Event')} e ON e.id = m.record_id"
            f"{only}{' AND' if touching else ' WHERE'} m.region_id IS NOT NULL")


def _project_regions() -> str:
    return (f"SELECT r.jointproject_id AS record_id, r.region_id AS region_id "
            f"FROM {m2m_table('projects.JointProject', 'regions')} r "
            f"UNION SELECT p.jointproject_id, o.region_id FROM {m2m_table('projects.JointProject', 'partners')} p "
            f"JOIN {table('directory.Organization')} o ON o.id = p.organization_id")


def project_members(touching: bool = False) -> str:
    """(record_id, region_id, period=first year) of joint projects."""
    only = (f" WHERE m.record_id IN (SELECT t.record_id FROM ({_project_regions()}) t WHERE t.region_id = %s)"
            if touching else "")
    return (f"SELECT m.record_id, m.region_id, COALESCE(j.start_year, j.end_year, 0) AS period "
            f"FROM ({_project_regions()}) m JOIN {table('projects.JointProject')} j ON j.id = m.record_id"
            f"{only}{' AND' if touching else ' WHERE'} m.region_id IS NOT NULL")


def commitment_members(region_only: bool = False) -> str:
    """(record_id, region_id, period=yyyymm due, status) of commitments; `region_only` adds `%s` filters."""
    org = table("directory.Organization")
    owner_filter = " AND o.region_id = %s" if region_only else ""
    party_filter = " WHERE t.region_id = %s" if region_only else " WHERE t.region_id IS NOT NULL"
    regions = (f"SELECT c.id AS record_id, o.region_id AS region_id FROM {table('agreements.Commitment')} c "
               f"JOIN {org} o ON o.id = c.owner_id WHERE o.region_id IS NOT NULL{owner_filter} "
               f"UNION SELECT c.id, t.region_id FROM {table('agreements.Commitment')} c "
               f"JOIN ({_party_regions()}) t ON t.record_id = c.agreement_id{party_filter}")
    return (f"SELECT m.record_id, m.region_id, {month_sql('c.due_date')} AS period, c.status AS status "
            f"FROM ({regions}) m JOIN {table('agreements.Commitment')} c ON c.id = m.record_id")


MEMBERS = {"agreements": agreement_members, "events": event_members, "projects": project_members}
