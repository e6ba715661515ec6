TEXTS = {
    "late_parcel": {
        "subject": "Wo bleibt meine Bestellung {order}?",
        "customer": (
            "Hallo,\n\nich habe vor fast zwei Wochen bestellt, und die Sendungsverfolgung für "
            "{tracking} zeigt seit fünf Tagen nichts Neues. Können Sie mir sagen, wann das "
            "Paket ankommt?\n\nDanke und viele Grüße"
        ),
        "agent": (
            "Hallo {name},\n\nvielen Dank für Ihre Geduld. Ich habe bei {carrier} nachgefragt: "
            "Ihr Paket {tracking} ist im Verteilzentrum in Ihrer Nähe angekommen und sollte "
            "innerhalb von zwei Werktagen zugestellt werden. Falls es bis Freitag nicht da ist, "
            "schicke ich Ihnen auf unsere Kosten Ersatz.\n\nViele Grüße\n{agent}"
        ),
        "followup": "Vielen Dank, das Paket ist heute Morgen angekommen!",
    },
    "damaged_item": {
        "subject": "{product} beschädigt angekommen",
        "customer": (
            "Guten Tag,\n\nmeine Bestellung {order} kam heute an, aber der Karton war "
            "eingedrückt und {product} ist beschädigt. Ich kann gern Fotos schicken. Wie geht "
            "es jetzt weiter?"
        ),
        "agent": (
            "Hallo {name},\n\nes tut mir leid, dass {product} so bei Ihnen angekommen ist. Ich "
            "habe Ihnen kostenlos Ersatz geschickt; den beschädigten Artikel müssen Sie nicht "
            "zurücksenden. Die neue Sendungsnummer bekommen Sie per E-Mail.\n\n"
            "Freundliche Grüße\n{agent}"
        ),
        "followup": "Das ging schnell – herzlichen Dank!",
    },
    "return_request": {
        "subject": "Rücksendung zu Bestellung {order}",
        "customer": (
            "Hallo,\n\nich möchte {product} aus der Bestellung {order} zurückgeben, es passt "
            "leider nicht so wie erhofft. Wie schicke ich es zurück und wann bekomme ich mein "
            "Geld?"
        ),
        "agent": (
            "Hallo {name},\n\nselbstverständlich. Ich habe die Rücksendung von {product} "
            "freigegeben; das kostenlose Rücksendeetikett kommt per E-Mail. Sobald das Paket "
            "eingescannt ist, erstatten wir den vollen Betrag innerhalb von 14 Tagen auf Ihr "
            "ursprüngliches Zahlungsmittel.\n\nViele Grüße\n{agent}"
        ),
        "followup": "Danke, ich habe das Paket eben bei der Post abgegeben.",
    },
    "warranty_claim": {
        "subject": "{product} funktioniert nicht mehr",
        "customer": (
            "Guten Tag,\n\nich habe {product} vor etwa acht Monaten gekauft (Bestellung "
            "{order}), und es funktioniert nicht mehr richtig, obwohl ich sorgfältig damit "
            "umgegangen bin. Das fällt doch noch unter die Gewährleistung, oder?"
        ),
        "agent": (
            "Hallo {name},\n\ndanke für Ihre Nachricht. Ja, das ist ein Fall für die "
            "gesetzliche Gewährleistung. Können Sie den Fehler kurz beschreiben oder ein Foto "
            "schicken? Dann veranlassen wir eine Reparatur oder einen Austausch, ganz wie Sie "
            "möchten.\n\nFreundliche Grüße\n{agent}"
        ),
        "followup": (
            "Der Fehler tritt jedes Mal auf, äußerlich ist nichts beschädigt. Mir wäre ein "
            "Austausch am liebsten."
        ),
    },
    "address_change": {
        "subject": "Lieferadresse für {order} ändern",
        "customer": (
            "Hallo,\n\nich habe gerade die Bestellung {order} aufgegeben und einen Zahlendreher "
            "in der Adresse bemerkt: Die Hausnummer ist 14, nicht 41. Können Sie das noch vor "
            "dem Versand korrigieren?"
        ),
        "agent": (
            "Hallo {name},\n\nich konnte Ihre Bestellung noch vor dem Verpacken abfangen und "
            "die Hausnummer auf 14 korrigieren. Sie verlässt heute unser Lager.\n\n"
            "Viele Grüße\n{agent}"
        ),
        "followup": "Super, vielen Dank!",
    },
    "customs_duties": {
        "subject": "Zollgebühren bei Bestellung {order}",
        "customer": (
            "Guten Tag,\n\nder Paketdienst verlangt vor der Zustellung von {order} Einfuhrabgaben "
            "und eine Bearbeitungsgebühr. Auf Ihrer Website stand, dass alle Steuern im Preis "
            "enthalten sind. Warum soll ich das bezahlen?"
        ),
        "agent": (
            "Hallo {name},\n\nentschuldigen Sie bitte den Ärger. Ihre Bestellung wurde verzollt "
            "verschickt, {carrier} hätte Ihnen also nichts berechnen dürfen. Ich habe das dort "
            "gemeldet. Falls Sie schon bezahlt haben, schicken Sie uns bitte den Beleg – wir "
            "erstatten Ihnen den vollen Betrag.\n\nViele Grüße\n{agent}"
        ),
        "followup": (
            "Ich hatte schon bezahlt, bevor Ihre Antwort kam. Können Sie es auf die Karte "
            "erstatten, mit der ich bestellt habe?"
        ),
    },
    "invoice": {
        "subject": "Rechnung zu Bestellung {order}",
        "customer": (
            "Guten Tag,\n\nkönnten Sie mir für die Bestellung {order} eine Rechnung mit "
            "Firmenname und USt-IdNr. ausstellen? Ich brauche sie für die Buchhaltung."
        ),
        "agent": (
            "Hallo {name},\n\ngern. Schicken Sie mir bitte Firmenname, Anschrift und "
            "USt-IdNr., dann stelle ich die Rechnung innerhalb eines Werktags aus.\n\n"
            "Viele Grüße\n{agent}"
        ),
        "followup": (
            "Hier die Daten: Bergblick Planung GmbH, Lindenstraße 12, 80331 München, "
            "USt-IdNr. DE 298 471 163."
        ),
    },
}
