TEXTS = {
    "late_parcel": {
        "subject": "Dov'è il mio ordine {order}?",
        "customer": (
            "Buongiorno,\n\nho ordinato quasi due settimane fa e il tracciamento di {tracking} "
            "non si aggiorna da cinque giorni. Potete dirmi quando arriverà il pacco?\n\nGrazie"
        ),
        "agent": (
            "Buongiorno {name},\n\ngrazie per la pazienza. Abbiamo verificato con {carrier}: il "
            "pacco {tracking} è arrivato al centro di smistamento della sua zona e dovrebbe "
            "essere consegnato entro due giorni lavorativi. Se entro venerdì non fosse ancora "
            "arrivato, le spediremo un sostituto a nostre spese.\n\nCordiali saluti,\n{agent}"
        ),
        "followup": "Grazie, il pacco è arrivato stamattina!",
    },
    "damaged_item": {
        "subject": "Articolo arrivato danneggiato: {product}",
        "customer": (
            "Buongiorno,\n\nl'ordine {order} è arrivato oggi, ma la scatola era schiacciata e "
            "l'articolo «{product}» è danneggiato. Posso mandarvi delle foto, se servono. Cosa "
            "devo fare?"
        ),
        "agent": (
            "Buongiorno {name},\n\nci dispiace molto che l'articolo «{product}» sia arrivato in "
            "queste condizioni. Le abbiamo spedito gratuitamente un sostituto e non è necessario "
            "restituire quello danneggiato. Riceverà il nuovo numero di tracciamento via e-mail."
            "\n\nCordiali saluti,\n{agent}"
        ),
        "followup": "Velocissimi, grazie mille.",
    },
    "return_request": {
        "subject": "Reso per l'ordine {order}",
        "customer": (
            "Buongiorno,\n\nvorrei restituire l'articolo «{product}» dell'ordine {order}, "
            "purtroppo non mi va bene. Come lo rispedisco e quando riceverò il rimborso?"
        ),
        "agent": (
            "Buongiorno {name},\n\ncerto. Abbiamo approvato il reso dell'articolo «{product}» e "
            "riceverà via e-mail un'etichetta di spedizione prepagata. Appena il pacco viene "
            "scansionato, le rimborsiamo l'intero importo entro 14 giorni sullo stesso metodo "
            "di pagamento.\n\nCordiali saluti,\n{agent}"
        ),
        "followup": "Grazie, ho appena consegnato il pacco all'ufficio postale.",
    },
    "warranty_claim": {
        "subject": "L'articolo «{product}» non funziona più",
        "customer": (
            "Buongiorno,\n\nho acquistato l'articolo «{product}» circa otto mesi fa (ordine "
            "{order}) e non funziona più correttamente, anche se l'ho sempre usato con cura. È "
            "ancora in garanzia, vero?"
        ),
        "agent": (
            "Buongiorno {name},\n\ngrazie per la segnalazione. Sì, il caso rientra nella "
            "garanzia legale di conformità. Può descriverci il difetto in poche parole o "
            "inviarci una foto? Poi organizzeremo la riparazione o la sostituzione, come "
            "preferisce.\n\nCordiali saluti,\n{agent}"
        ),
        "followup": (
            "Il difetto si presenta ogni volta che lo uso e non ci sono danni visibili. "
            "Preferirei la sostituzione."
        ),
    },
    "address_change": {
        "subject": "Modifica dell'indirizzo di consegna per {order}",
        "customer": (
            "Buongiorno,\n\nho appena effettuato l'ordine {order} e ho notato un errore "
            "nell'indirizzo: il numero civico è 14, non 41. Potete correggerlo prima della "
            "spedizione?"
        ),
        "agent": (
            "Buongiorno {name},\n\nabbiamo fermato l'ordine prima dell'imballaggio e corretto il "
            "numero civico in 14. Partirà oggi dal nostro magazzino.\n\nCordiali saluti,\n{agent}"
        ),
        "followup": "Perfetto, grazie!",
    },
    "customs_duties": {
        "subject": "Spese doganali per l'ordine {order}",
        "customer": (
            "Buongiorno,\n\nil corriere mi chiede di pagare dazi di importazione e una commissione "
            "prima di consegnare l'ordine {order}. Sul vostro sito era scritto che i prezzi "
            "includono tutte le tasse. Perché dovrei pagare?"
        ),
        "agent": (
            "Buongiorno {name},\n\nci scusiamo per il disagio. L'ordine è stato spedito con dazi "
            "già pagati, quindi {carrier} non avrebbe dovuto addebitarle nulla. Abbiamo "
            "segnalato il problema. Se ha già pagato, ci invii la ricevuta e le rimborseremo "
            "l'intero importo.\n\nCordiali saluti,\n{agent}"
        ),
        "followup": (
            "Avevo già pagato prima di leggere la vostra risposta. Potete rimborsarmi sulla carta "
            "usata per l'ordine?"
        ),
    },
    "invoice": {
        "subject": "Fattura per l'ordine {order}",
        "customer": (
            "Buongiorno,\n\npotreste inviarmi una fattura per l'ordine {order} con la ragione "
            "sociale della mia azienda e la partita IVA? Mi serve per la contabilità."
        ),
        "agent": (
            "Buongiorno {name},\n\ncerto. Ci invii ragione sociale, indirizzo e partita IVA ed "
            "emetteremo la fattura entro un giorno lavorativo.\n\nCordiali saluti,\n{agent}"
        ),
        "followup": (
            "Ecco i dati: Sentieri Alti S.r.l., Via Roma 44, 10121 Torino, P. IVA IT09876543210."
        ),
    },
}
