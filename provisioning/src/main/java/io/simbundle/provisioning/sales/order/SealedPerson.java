package io.simbundle.provisioning.sales.order;

/** A person's personal data as an order keeps it: sealed, digested and masked. */
record SealedPerson(
    String idNumberDigest, String nameSealed, String idNumberSealed, String idNumberMasked) {}
