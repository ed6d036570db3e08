package io.simbundle.provisioning.sales.order;

/** The buyer's personal data as an order keeps it: sealed, digested and masked. */
record SealedBuyer(
    String idNumberDigest, String nameSealed, String idNumberSealed, String idNumberMasked) {}
