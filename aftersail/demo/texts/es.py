TEXTS = {
    "late_parcel": {
        "subject": "¿Dónde está mi pedido {order}?",
        "customer": (
            "Hola:\n\nhice el pedido hace casi dos semanas y el seguimiento de {tracking} no "
            "se ha actualizado en cinco días. ¿Me podéis decir cuándo llegará el paquete?\n\n"
            "Gracias"
        ),
        "agent": (
            "Hola, {name}:\n\ngracias por tu paciencia. He consultado con {carrier}: tu paquete "
            "{tracking} ya está en el centro de reparto de tu zona y debería entregarse en dos "
            "días laborables. Si el viernes todavía no ha llegado, te enviamos uno nuevo a "
            "nuestro cargo.\n\nUn saludo,\n{agent}"
        ),
        "followup": "¡Gracias, el paquete ha llegado esta mañana!",
    },
    "damaged_item": {
        "subject": "Artículo dañado: {product}",
        "customer": (
            "Hola:\n\nmi pedido {order} ha llegado hoy, pero la caja venía aplastada y el "
            "artículo «{product}» está dañado. Puedo mandaros fotos si hace falta. ¿Qué hago?"
        ),
        "agent": (
            "Hola, {name}:\n\nsentimos mucho que «{product}» te haya llegado así. Te hemos "
            "enviado un repuesto sin coste y no hace falta que nos devuelvas el dañado. "
            "Recibirás el nuevo número de seguimiento por correo electrónico.\n\n"
            "Saludos cordiales,\n{agent}"
        ),
        "followup": "¡Qué rapidez! Muchas gracias.",
    },
    "return_request": {
        "subject": "Devolución del pedido {order}",
        "customer": (
            "Hola:\n\nquiero devolver «{product}» del pedido {order}, no me queda como "
            "esperaba. ¿Cómo lo envío y cuándo me devolvéis el dinero?"
        ),
        "agent": (
            "Hola, {name}:\n\npor supuesto. He aprobado la devolución de «{product}» y te "
            "llegará por correo una etiqueta de envío prepagada. En cuanto se escanee el "
            "paquete, te reembolsamos el importe completo en un plazo de 14 días con el mismo "
            "método de pago.\n\nUn saludo,\n{agent}"
        ),
        "followup": "Gracias, ya he dejado el paquete en la oficina de correos.",
    },
    "warranty_claim": {
        "subject": "{product} ha dejado de funcionar",
        "customer": (
            "Hola:\n\ncompré «{product}» hace unos ocho meses (pedido {order}) y ya no "
            "funciona bien, aunque siempre lo he cuidado. Sigue en garantía, ¿verdad?"
        ),
        "agent": (
            "Hola, {name}:\n\ngracias por avisarnos. Sí, está cubierto por la garantía legal. "
            "¿Puedes describirnos el fallo en pocas palabras o mandarnos una foto? Después "
            "organizamos la reparación o el cambio, lo que prefieras.\n\n"
            "Saludos cordiales,\n{agent}"
        ),
        "followup": (
            "Falla cada vez que lo uso y no tiene ningún daño visible. Preferiría un cambio."
        ),
    },
    "address_change": {
        "subject": "Cambiar la dirección de entrega de {order}",
        "customer": (
            "Hola:\n\nacabo de hacer el pedido {order} y me he equivocado en la dirección: el "
            "número es el 14, no el 41. ¿Podéis corregirlo antes del envío?"
        ),
        "agent": (
            "Hola, {name}:\n\nhe podido parar tu pedido antes de empaquetarlo y he corregido el "
            "número al 14. Sale hoy de nuestro almacén.\n\nUn saludo,\n{agent}"
        ),
        "followup": "¡Perfecto, gracias!",
    },
    "customs_duties": {
        "subject": "Gastos de aduana del pedido {order}",
        "customer": (
            "Hola:\n\nla empresa de transporte me pide pagar aranceles de importación y una "
            "tasa de gestión antes de entregar el pedido {order}. En vuestra web ponía que los "
            "precios incluían todos los impuestos. ¿Por qué tengo que pagarlo?"
        ),
        "agent": (
            "Hola, {name}:\n\nperdona las molestias. Tu pedido se envió con los aranceles "
            "pagados, así que {carrier} no debería haberte cobrado nada. Ya se lo hemos "
            "comunicado. Si ya has pagado, envíanos el justificante y te devolvemos el importe "
            "íntegro.\n\nUn saludo,\n{agent}"
        ),
        "followup": (
            "Ya lo había pagado antes de ver vuestra respuesta. ¿Me lo podéis devolver a la "
            "tarjeta con la que hice el pedido?"
        ),
    },
    "invoice": {
        "subject": "Factura del pedido {order}",
        "customer": (
            "Hola:\n\n¿me podéis enviar una factura del pedido {order} con el nombre de mi "
            "empresa y el NIF? La necesito para la contabilidad."
        ),
        "agent": (
            "Hola, {name}:\n\nclaro. Envíame el nombre de la empresa, la dirección y el NIF, y "
            "emito la factura en un día laborable.\n\nUn saludo,\n{agent}"
        ),
        "followup": (
            "Aquí tienes los datos: Senderos del Norte S.L., Calle Mayor 27, 33001 Oviedo, "
            "NIF B74839201."
        ),
    },
}
