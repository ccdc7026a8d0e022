package io.trustspace.app.node;

import io.trustspace.app.config.CatalogConfiguration;
import io.trustspace.app.config.ContractConfiguration;
import io.trustspace.app.config.DspAuthConfiguration;
import io.trustspace.app.config.EvidenceConfiguration;
import io.trustspace.app.config.IdentityConfiguration;
import io.trustspace.app.config.KeyConfiguration;
import io.trustspace.app.config.LedgerConfiguration;
import io.trustspace.app.config.NodeProperties;
import io.trustspace.app.config.SecurityConfiguration;
import io.trustspace.app.config.StorageConfiguration;
import io.trustspace.app.config.WebConfiguration;
import io.trustspace.app.config.WitnessConfiguration;
import io.trustspace.app.crypto.CryptoController;
import io.trustspace.app.did.DidDocumentController;
import io.trustspace.app.web.VocabularyController;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * The Spring Boot application of one node (operator or connector). Domain services are constructed by hand in the
 * imported configuration classes; nothing is component-scanned.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableConfigurationProperties(NodeProperties.class)
@Import({
    StorageConfiguration.class,
    WebConfiguration.class,
    KeyConfiguration.class,
    EvidenceConfiguration.class,
    LedgerConfiguration.class,
    IdentityConfiguration.class,
    DspAuthConfiguration.class,
    CatalogConfiguration.class,
    ContractConfiguration.class,
    WitnessConfiguration.class,
    SecurityConfiguration.class,
    NodeInfoController.class,
    CryptoController.class,
    DidDocumentController.class,
    VocabularyController.class
})
public class TrustSpaceNode {}
