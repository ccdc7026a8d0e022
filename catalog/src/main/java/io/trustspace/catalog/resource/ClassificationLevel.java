package io.trustspace.catalog.resource;

/** The data level of GB/T 43697-2024 (数据安全技术 数据分类分级规则). Stored by {@link #name()}. */
public enum ClassificationLevel {
    /** 一般数据: may be listed for sharing. */
    GENERAL("一般"),
    /** 重要数据: may be listed only with a reference to its data security (risk) assessment. */
    IMPORTANT("重要"),
    /** 核心数据: never listed for sharing in the space. */
    CORE("核心");

    private final String label;

    ClassificationLevel(String label) {
        this.label = label;
    }

    /** The Chinese name of the level in the standard. */
    public String label() {
        return label;
    }
}
