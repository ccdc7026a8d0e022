package io.trustspace.catalog.resource;

/** The lawful basis for processing personal information, PIPL (个人信息保护法) Art. 13. Stored by {@link #name()}. */
public enum LegalBasis {
    /** Art. 13(1): the individuals' consent (separate consent where Art. 23 requires it for provision to others). */
    CONSENT,
    /** Art. 13(2): necessary to conclude or perform a contract with the individual, or for HR management. */
    CONTRACT,
    /** Art. 13(3): necessary to perform a statutory duty or obligation. */
    LEGAL_OBLIGATION,
    /** Art. 13(4): necessary to respond to a public health emergency or protect life, health or property. */
    EMERGENCY,
    /** Art. 13(5): news reporting and public-opinion supervision in the public interest, within reason. */
    PUBLIC_INTEREST_REPORTING,
    /** Art. 13(6): information the individual disclosed or that was lawfully disclosed, within reason. */
    PUBLICLY_DISCLOSED,
    /** Art. 13(7): another basis provided by laws and administrative regulations. */
    OTHER_LAW
}
