package io.trustspace.identity.verification;

/** How an identity was checked. Stored by {@link #name()}; {@link #label()} is for people. */
public enum VerificationMethod {
    /** Structure and check characters (GB 32100, GB 11714, GB 11643), built in. */
    FORMAT("格式校验"),
    /** The enterprise registration records of the market regulator (市场监管, formerly 工商). */
    MARKET_REGULATION("市场监管登记核验"),
    /** The tax authority's taxpayer records (税务). */
    TAX("税务登记核验"),
    /** The public security bureau's identity records (公安), for individuals. */
    PUBLIC_SECURITY("公安身份核验"),
    /** A registry file shipped with a demo or test, standing in for the official ones. */
    OFFLINE_REGISTRY("离线登记名录");

    private final String label;

    VerificationMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
