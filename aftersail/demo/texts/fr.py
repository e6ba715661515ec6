TEXTS = {
    "late_parcel": {
        "subject": "Où en est ma commande {order} ?",
        "customer": (
            "Bonjour,\n\nj'ai passé commande il y a presque deux semaines et le suivi du colis "
            "{tracking} n'a pas bougé depuis cinq jours. Pouvez-vous me dire quand il arrivera ?"
            "\n\nMerci d'avance"
        ),
        "agent": (
            "Bonjour {name},\n\nmerci pour votre patience. J'ai vérifié auprès de {carrier} : "
            "votre colis {tracking} est arrivé au centre de tri de votre région et devrait être "
            "livré sous deux jours ouvrés. S'il n'est pas là vendredi, je vous envoie un "
            "remplacement à nos frais.\n\nBien cordialement,\n{agent}"
        ),
        "followup": "Merci, le colis est arrivé ce matin !",
    },
    "damaged_item": {
        "subject": "Article arrivé endommagé : {product}",
        "customer": (
            "Bonjour,\n\nma commande {order} est arrivée aujourd'hui, mais le carton était "
            "écrasé et le produit « {product} » est abîmé. Je peux vous envoyer des photos si "
            "besoin. Que dois-je faire ?"
        ),
        "agent": (
            "Bonjour {name},\n\nnous sommes désolés que « {product} » vous soit parvenu dans "
            "cet état. Nous vous avons envoyé un remplacement gratuit, et vous n'avez pas "
            "besoin de nous renvoyer l'article abîmé. Vous recevrez le nouveau numéro de suivi "
            "par e-mail.\n\nBien à vous,\n{agent}"
        ),
        "followup": "C'était rapide, merci beaucoup.",
    },
    "return_request": {
        "subject": "Retour pour la commande {order}",
        "customer": (
            "Bonjour,\n\nje voudrais retourner « {product} » de la commande {order}, il ne me "
            "va pas comme je l'espérais. Comment dois-je le renvoyer et quand vais-je "
            "recevoir le remboursement ?"
        ),
        "agent": (
            "Bonjour {name},\n\nbien sûr. J'ai validé le retour de « {product} » et vous allez "
            "recevoir une étiquette prépayée par e-mail. Dès que le colis est scanné, nous vous "
            "remboursons la totalité sous 14 jours sur votre moyen de paiement d'origine.\n\n"
            "Bien cordialement,\n{agent}"
        ),
        "followup": "Merci, j'ai déposé le colis au bureau de poste.",
    },
    "warranty_claim": {
        "subject": "{product} ne fonctionne plus",
        "customer": (
            "Bonjour,\n\nj'ai acheté « {product} » il y a environ huit mois (commande {order}) "
            "et il ne fonctionne plus correctement, alors que j'en ai toujours pris soin. "
            "C'est bien encore sous garantie ?"
        ),
        "agent": (
            "Bonjour {name},\n\nmerci de nous avoir prévenus. Oui, cela relève de la garantie "
            "légale de conformité. Pourriez-vous décrire le défaut en quelques mots ou nous "
            "envoyer une photo ? Nous organiserons ensuite une réparation ou un échange, selon "
            "votre préférence.\n\nBien à vous,\n{agent}"
        ),
        "followup": (
            "Le problème se produit à chaque utilisation, sans aucun dommage visible. Je "
            "préférerais un échange."
        ),
    },
    "address_change": {
        "subject": "Modifier l'adresse de livraison de {order}",
        "customer": (
            "Bonjour,\n\nje viens de passer la commande {order} et j'ai fait une faute dans "
            "l'adresse : le numéro de la rue est 14, pas 41. Pouvez-vous corriger avant "
            "l'expédition ?"
        ),
        "agent": (
            "Bonjour {name},\n\nj'ai pu intercepter votre commande avant l'emballage et corriger "
            "le numéro en 14. Elle quittera notre entrepôt aujourd'hui.\n\nBonne journée,\n{agent}"
        ),
        "followup": "Parfait, merci !",
    },
    "customs_duties": {
        "subject": "Frais de douane pour la commande {order}",
        "customer": (
            "Bonjour,\n\nle transporteur me demande de payer des droits d'importation et des "
            "frais de dossier avant de livrer la commande {order}. Votre site indiquait que les "
            "prix comprenaient toutes les taxes. Pourquoi devrais-je payer ?"
        ),
        "agent": (
            "Bonjour {name},\n\nveuillez nous excuser pour ce désagrément. Votre commande a été "
            "expédiée droits acquittés, {carrier} n'aurait donc rien dû vous facturer. Je leur "
            "ai signalé le problème. Si vous avez déjà payé, envoyez-nous le reçu et nous vous "
            "rembourserons l'intégralité.\n\nBien cordialement,\n{agent}"
        ),
        "followup": (
            "J'avais déjà payé avant de voir votre réponse. Pouvez-vous rembourser sur la carte "
            "utilisée pour la commande ?"
        ),
    },
    "invoice": {
        "subject": "Facture pour la commande {order}",
        "customer": (
            "Bonjour,\n\npourriez-vous m'envoyer une facture pour la commande {order} avec le "
            "nom de ma société et mon numéro de TVA ? J'en ai besoin pour la comptabilité."
        ),
        "agent": (
            "Bonjour {name},\n\nbien sûr. Envoyez-moi le nom de la société, l'adresse et le "
            "numéro de TVA, et j'établirai la facture sous un jour ouvré.\n\n"
            "Bien cordialement,\n{agent}"
        ),
        "followup": (
            "Voici les informations : Atelier Brume SARL, 8 rue des Tanneurs, 69002 Lyon, "
            "TVA FR 41 512 398 744."
        ),
    },
}
