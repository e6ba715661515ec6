"""Email identities stored before customers.identities existed kept a Unicode domain as it
was written; lookups now use the ASCII (IDNA) form, so those rows are rewritten to it. A row
whose new spelling another customer of the store has already is left as it is: which of the
two records is the person is for an agent to decide (merging them)."""

import unicodedata

import idna
from django.db import migrations


def spell_domains_in_ascii(apps, schema_editor):
    Identity = apps.get_model("customers", "CustomerIdentity")
    rows = Identity.objects.filter(kind="email").only("id", "store_id", "value")
    for identity in rows.iterator(chunk_size=2000):
        local, _, domain = identity.value.rpartition("@")
        if domain.isascii() and local.isascii():
            continue
        try:
            domain = idna.encode(domain.rstrip("."), uts46=True).decode("ascii")
        except (idna.IDNAError, UnicodeError):
            continue  # not a domain; nothing finds it by another spelling either
        value = f"{unicodedata.normalize('NFC', local).lower()}@{domain}"
        taken = Identity.objects.filter(store_id=identity.store_id, kind="email", value=value)
        if value == identity.value or len(value) > 254 or taken.exists():
            continue
        Identity.objects.filter(id=identity.id).update(value=value)


class Migration(migrations.Migration):
    dependencies = [("customers", "0002_identity_kinds")]

    operations = [migrations.RunPython(spell_domains_in_ascii, migrations.RunPython.noop)]
