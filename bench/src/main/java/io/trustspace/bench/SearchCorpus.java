package io.trustspace.bench;

import io.trustspace.catalog.resource.ClassificationLevel;
import io.trustspace.catalog.resource.ResourceKind;
import io.trustspace.catalog.search.Facet;
import io.trustspace.catalog.search.SearchDocument;
import io.trustspace.catalog.search.SearchQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A deterministic catalog for the search benchmark: documents whose Chinese and English titles, descriptions and
 * keywords are composed from about 200 data-space words drawn with a Zipf distribution (so some words are in a
 * third of the catalog and others in a few hundred documents), plus 20 rare words in about five documents each;
 * 20 industries, 3 grades, 6 formats, 500 providers, 34 regions, 3 kinds and 50 access policies, of which the
 * benchmark's caller sees 30 (60 %). The same seed gives the same catalog and the same queries.
 */
final class SearchCorpus {

    /** Chinese word, English translation; ordered from common to rare (Zipf rank). */
    static final String[][] WORDS = {
        {"交通", "traffic"}, {"数据", "data"}, {"企业", "enterprise"}, {"城市", "city"}, {"监测", "monitoring"},
        {"统计", "statistics"}, {"电力", "power"}, {"医疗", "medical"}, {"气象", "weather"}, {"信用", "credit"},
        {"充电桩", "charger"}, {"物流", "logistics"}, {"能源", "energy"}, {"金融", "finance"}, {"环境", "environment"},
        {"农业", "agriculture"}, {"人口", "population"}, {"车辆", "vehicle"}, {"道路", "road"}, {"公交", "bus"},
        {"地铁", "metro"}, {"航班", "flight"}, {"港口", "port"}, {"铁路", "railway"}, {"负荷", "load"},
        {"电网", "grid"}, {"光伏", "photovoltaic"}, {"风电", "wind"}, {"碳排放", "carbon"}, {"水质", "water"},
        {"空气", "air"}, {"降水", "precipitation"}, {"温度", "temperature"}, {"湿度", "humidity"}, {"台风", "typhoon"},
        {"医院", "hospital"}, {"药品", "drug"}, {"病历", "record"}, {"医保", "insurance"}, {"疾病", "disease"},
        {"疫苗", "vaccine"}, {"体检", "checkup"}, {"养老", "pension"}, {"教育", "education"}, {"学校", "school"},
        {"招聘", "recruitment"}, {"就业", "employment"}, {"工资", "wage"}, {"税务", "tax"}, {"发票", "invoice"},
        {"工商", "registration"}, {"专利", "patent"}, {"商标", "trademark"}, {"司法", "judicial"}, {"裁判", "judgment"},
        {"招标", "tender"}, {"采购", "procurement"}, {"价格", "price"}, {"销售", "sales"}, {"库存", "inventory"},
        {"订单", "order"}, {"支付", "payment"}, {"贷款", "loan"}, {"保险", "insurer"}, {"证券", "securities"},
        {"基金", "fund"}, {"债券", "bond"}, {"汇率", "exchange"}, {"外贸", "trade"}, {"海关", "customs"},
        {"进口", "import"}, {"出口", "export"}, {"制造", "manufacturing"}, {"工业", "industry"}, {"设备", "equipment"},
        {"传感器", "sensor"}, {"故障", "fault"}, {"维修", "maintenance"}, {"质检", "inspection"}, {"产能", "capacity"},
        {"钢铁", "steel"}, {"化工", "chemical"}, {"汽车", "automobile"}, {"电池", "battery"}, {"芯片", "chip"},
        {"通信", "telecom"}, {"基站", "station"}, {"流量", "flow"}, {"网络", "network"}, {"用户", "user"},
        {"画像", "profile"}, {"位置", "location"}, {"轨迹", "trajectory"}, {"停车", "parking"}, {"出租车", "taxi"},
        {"网约车", "ridehailing"}, {"共享单车", "bikeshare"}, {"拥堵", "congestion"}, {"事故", "accident"}, {"违章", "violation"},
        {"高速", "highway"}, {"收费", "toll"}, {"桥梁", "bridge"}, {"隧道", "tunnel"}, {"建筑", "building"},
        {"房产", "property"}, {"土地", "land"}, {"规划", "planning"}, {"测绘", "surveying"}, {"遥感", "remote"},
        {"卫星", "satellite"}, {"地图", "map"}, {"水利", "hydraulic"}, {"河流", "river"}, {"水库", "reservoir"},
        {"洪水", "flood"}, {"干旱", "drought"}, {"地震", "earthquake"}, {"森林", "forest"}, {"草原", "grassland"},
        {"耕地", "farmland"}, {"粮食", "grain"}, {"种子", "seed"}, {"化肥", "fertilizer"}, {"畜牧", "livestock"},
        {"渔业", "fishery"}, {"食品", "food"}, {"安全", "safety"}, {"追溯", "traceability"}, {"冷链", "coldchain"},
        {"仓储", "warehouse"}, {"快递", "express"}, {"配送", "delivery"}, {"电商", "ecommerce"}, {"零售", "retail"},
        {"消费", "consumption"}, {"旅游", "tourism"}, {"酒店", "hotel"}, {"景区", "scenic"}, {"文化", "culture"},
        {"体育", "sports"}, {"媒体", "media"}, {"舆情", "sentiment"}, {"社区", "community"}, {"政务", "government"},
        {"审批", "approval"}, {"许可", "license"}, {"公积金", "housingfund"}, {"社保", "socialsecurity"}, {"户籍", "household"},
        {"婚姻", "marriage"}, {"民政", "civil"}, {"救助", "relief"}, {"应急", "emergency"}, {"消防", "fire"},
        {"安防", "security"}, {"视频", "video"}, {"图像", "image"}, {"语音", "speech"}, {"文本", "text"},
        {"模型", "model"}, {"算法", "algorithm"}, {"指数", "index"}, {"预测", "forecast"}, {"评估", "assessment"},
        {"风险", "risk"}, {"合规", "compliance"}, {"审计", "audit"}, {"征信", "creditreport"}, {"反欺诈", "antifraud"},
        {"供应链", "supplychain"}, {"园区", "park"}, {"楼宇", "tower"}, {"能耗", "consumption"}, {"用电", "electricity"},
        {"用水", "waterusage"}, {"燃气", "gas"}, {"供热", "heating"}, {"石油", "petroleum"}, {"煤炭", "coal"},
        {"天然气", "naturalgas"}, {"氢能", "hydrogen"}, {"储能", "storage"}, {"新能源", "renewable"}, {"电动汽车", "electric"},
        {"换电", "swapping"}, {"航运", "shipping"}, {"集装箱", "container"}, {"船舶", "ship"}, {"航空", "aviation"},
        {"机场", "airport"}, {"旅客", "passenger"}, {"票务", "ticketing"}, {"客流", "ridership"}, {"站点", "stop"},
        {"线路", "route"}, {"时刻表", "timetable"}, {"班次", "schedule"}, {"里程", "mileage"}, {"油耗", "fuel"},
        {"排放", "emission"}, {"噪声", "noise"}, {"土壤", "soil"}, {"固废", "waste"}, {"污水", "sewage"}
    };

    /** Words in about five documents each: the "rare term" queries. */
    static final String[][] RARE_WORDS = {
        {"古籍", "manuscript"}, {"冰川", "glacier"}, {"珊瑚", "coral"}, {"候鸟", "migratory"}, {"陨石", "meteorite"},
        {"熊猫", "panda"}, {"茶叶", "tea"}, {"丝绸", "silk"}, {"瓷器", "porcelain"}, {"戏曲", "opera"},
        {"沙漠", "desert"}, {"湿地", "wetland"}, {"火山", "volcano"}, {"极光", "aurora"}, {"潮汐", "tide"},
        {"蜂蜜", "honey"}, {"竹林", "bamboo"}, {"书法", "calligraphy"}, {"灯塔", "lighthouse"}, {"盐湖", "saltlake"}
    };

    private static final String[][] TITLE_SUFFIXES = {
        {"数据", "data"}, {"记录", "records"}, {"统计", "statistics"}, {"指数", "index"}, {"台账", "ledger"}, {"明细", "details"}
    };

    static final String[] INDUSTRIES = {
        "A0111", "B0610", "C2611", "C3610", "C3971", "D4411", "D4430", "E4710", "F5131", "G5411",
        "G5612", "H6110", "I6311", "I6513", "J6620", "K7010", "M7410", "N7721", "P8321", "Q8411"
    };
    static final String[] FORMATS = {
        "text/csv",
        "application/json",
        "application/parquet",
        "application/vnd.ms-excel",
        "application/xml",
        "application/pdf"
    };
    static final String[] REGIONS = {
        "CN-11", "CN-12", "CN-13", "CN-14", "CN-15", "CN-21", "CN-22", "CN-23", "CN-31", "CN-32", "CN-33", "CN-34",
        "CN-35", "CN-36", "CN-37", "CN-41", "CN-42", "CN-43", "CN-44", "CN-45", "CN-46", "CN-50", "CN-51", "CN-52",
        "CN-53", "CN-54", "CN-61", "CN-62", "CN-63", "CN-64", "CN-65", "CN-71", "CN-91", "CN-92"
    };
    static final int RARE_DOCUMENTS_PER_WORD = 5;
    static final int PROVIDERS = 500;
    static final int POLICIES = 50;
    static final int VISIBLE_POLICIES = 30;

    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private final Random random;
    private final double[] zipf;

    SearchCorpus(long seed) {
        this.random = new Random(seed);
        this.zipf = new double[WORDS.length];
        double sum = 0;
        for (int rank = 0; rank < WORDS.length; rank++) {
            sum += 1.0 / (rank + 1);
            zipf[rank] = sum;
        }
        for (int rank = 0; rank < WORDS.length; rank++) {
            zipf[rank] /= sum;
        }
    }

    /** {@code count} documents; document {@code i} is the same for the same seed. */
    List<SearchDocument> documents(int count) {
        List<SearchDocument> documents = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean rare = i < RARE_WORDS.length * RARE_DOCUMENTS_PER_WORD;
            documents.add(document(i, rare ? RARE_WORDS[i % RARE_WORDS.length] : null));
        }
        // spread the documents with rare words over the catalog rather than at its start
        Collections.shuffle(documents, new Random(random.nextLong()));
        return documents;
    }

    private SearchDocument document(int i, String[] rare) {
        String provider = "9111%014d".formatted(random.nextInt(PROVIDERS));
        List<String[]> titleWords = words(2 + random.nextInt(2));
        if (rare != null) {
            titleWords.add(rare);
        }
        String[] suffix = TITLE_SUFFIXES[random.nextInt(TITLE_SUFFIXES.length)];
        String region = REGIONS[random.nextInt(REGIONS.length)];
        List<String[]> descriptionWords = words(8 + random.nextInt(7));
        List<String> keywords = words(3).stream().map(word -> word[0]).toList();
        Set<String> formats = new LinkedHashSet<>();
        int formatCount = 1 + random.nextInt(3);
        while (formats.size() < formatCount) {
            formats.add(FORMATS[Math.min(random.nextInt(FORMATS.length), random.nextInt(FORMATS.length))]);
        }
        int grade = random.nextInt(100);
        return new SearchDocument(
                "cn.demo/%s/ds-%06d@1".formatted(provider, i),
                "cn.demo",
                provider,
                "示例数据公司" + provider.substring(14),
                join(titleWords, 0, "") + suffix[0],
                join(titleWords, 1, " ") + " " + suffix[1],
                "本数据集包含" + join(descriptionWords, 0, "、") + "等信息，按日更新，覆盖" + region + "。",
                "This dataset covers " + join(descriptionWords, 1, ", ") + "; updated daily for " + region + ".",
                keywords,
                INDUSTRIES[random.nextInt(INDUSTRIES.length)],
                grade < 70
                        ? ClassificationLevel.GENERAL
                        : grade < 95 ? ClassificationLevel.IMPORTANT : ClassificationLevel.CORE,
                List.copyOf(formats),
                region,
                ResourceKind.values()[random.nextInt(10) < 7 ? 0 : 1 + random.nextInt(2)],
                policyKey(random.nextInt(POLICIES)),
                EPOCH.plusSeconds(random.nextInt(300 * 24 * 3600)));
    }

    static String policyKey(int n) {
        return "policy-%02d".formatted(n);
    }

    /** The caller's visible policies: 30 of the 50 (60 %). */
    static Set<String> visiblePolicies() {
        Set<String> visible = new LinkedHashSet<>();
        for (int n = 0; n < VISIBLE_POLICIES; n++) {
            visible.add(policyKey(n * POLICIES / VISIBLE_POLICIES));
        }
        return Set.copyOf(visible);
    }

    /** The benchmark's query kinds, in the order they are cycled through. */
    enum QueryKind {
        ONE_WORD,
        TWO_WORDS,
        ENGLISH_WORD,
        BLANK_WITH_FACETS,
        RARE_WORD
    }

    record BenchQuery(QueryKind kind, SearchQuery query) {}

    /** {@code count} queries cycling through the kinds, each with its own random choice of words and filters. */
    List<BenchQuery> queries(int count, long seed) {
        Random choice = new Random(seed);
        List<BenchQuery> queries = new ArrayList<>(count);
        QueryKind[] kinds = QueryKind.values();
        for (int i = 0; i < count; i++) {
            QueryKind kind = kinds[i % kinds.length];
            SearchQuery query = switch (kind) {
                case ONE_WORD -> SearchQuery.text(WORDS[choice.nextInt(50)][0]);
                case TWO_WORDS -> SearchQuery.text(WORDS[choice.nextInt(30)][0] + " " + WORDS[choice.nextInt(100)][0]);
                case ENGLISH_WORD -> SearchQuery.text(WORDS[choice.nextInt(100)][1]);
                case BLANK_WITH_FACETS -> {
                    SearchQuery blank =
                            SearchQuery.all().filteredBy(Facet.INDUSTRY, INDUSTRIES[choice.nextInt(INDUSTRIES.length)]);
                    yield choice.nextBoolean()
                            ? blank.filteredBy(
                                    Facet.REGION,
                                    REGIONS[choice.nextInt(REGIONS.length)],
                                    REGIONS[choice.nextInt(REGIONS.length)])
                            : blank;
                }
                case RARE_WORD -> SearchQuery.text(RARE_WORDS[choice.nextInt(RARE_WORDS.length)][0]);
            };
            queries.add(new BenchQuery(kind, query));
        }
        return queries;
    }

    private List<String[]> words(int count) {
        List<String[]> words = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double u = random.nextDouble();
            int rank = Arrays.binarySearch(zipf, u);
            words.add(WORDS[Math.min(WORDS.length - 1, rank < 0 ? -rank - 1 : rank)]);
        }
        return words;
    }

    private static String join(List<String[]> words, int language, String separator) {
        StringBuilder joined = new StringBuilder();
        for (String[] word : words) {
            if (!joined.isEmpty()) {
                joined.append(separator);
            }
            joined.append(word[language]);
        }
        return joined.toString();
    }
}
