package org.evgrid.icc.command.market;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import org.evgrid.icc.command.EmbeddedMongo;
import org.evgrid.icc.coreapi.market.MarketProductCode;
import org.evgrid.icc.coreapi.market.MarketProductDefinedEvent;
import org.evgrid.icc.coreapi.market.MarketProductRetiredEvent;
import org.evgrid.icc.coreapi.market.MarketProducts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The catalogue on mongo-java-server over the real driver: defaults, definitions, retirement, re-delivery and restart. */
class MarketProductCatalogueIT {

    private static EmbeddedMongo mongo;
    private MongoDatabase database;
    private MarketProductCatalogue catalogue;

    @BeforeAll
    static void startMongo() {
        mongo = new EmbeddedMongo();
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @BeforeEach
    void setUp() {
        database = mongo.freshDatabase("icc");
        catalogue = new MarketProductCatalogue(database);
    }

    @Test
    void aCodeNeverDefinedAnswersTheDefaultAndAnUnknownCodeNothing() {
        assertThat(catalogue.find("DAY_AHEAD")).hasValueSatisfying(p -> {
            assertThat(p.rule().gate().localTime()).hasToString("10:00");
            assertThat(p.version()).isZero();
            assertThat(p.retired()).isFalse();
        });
        assertThat(catalogue.find("FUTURES")).isEmpty();
        assertThat(catalogue.all()).hasSize(MarketProducts.defaultRules().size());
    }

    @Test
    void aRedefinitionSurvivesARestartAndReDeliveryChangesNothing() {
        MarketProductDefinedEvent defined = new MarketProductDefinedEvent(new MarketProductCode("DAY_AHEAD"),
                MarketProductTest.DAY_AHEAD_AT_NINE, 1, "r");
        catalogue.on(defined);
        catalogue.on(defined);

        MarketProductCatalogue restarted = new MarketProductCatalogue(database);
        assertThat(restarted.find("DAY_AHEAD")).contains(new MarketProductLookup.Product(MarketProductTest.DAY_AHEAD_AT_NINE, 1, false));
        assertThat(database.getCollection(MarketProductCatalogue.COLLECTION).countDocuments()).isEqualTo(1);
    }

    @Test
    void aNewProductIsListedAndARetiredOneKeepsItsRule() {
        MarketProductCode capacity = new MarketProductCode("CAPACITY");
        catalogue.on(new MarketProductDefinedEvent(capacity, MarketProductTest.CAPACITY, 1, "r"));
        assertThat(catalogue.all()).hasSize(MarketProducts.defaultRules().size() + 1)
                .contains(new MarketProductLookup.Product(MarketProductTest.CAPACITY, 1, false));

        catalogue.on(new MarketProductRetiredEvent(capacity, 2, "r"));
        assertThat(catalogue.find("CAPACITY")).contains(new MarketProductLookup.Product(MarketProductTest.CAPACITY, 2, true));

        catalogue.on(new MarketProductRetiredEvent(new MarketProductCode("GREEN_POWER"), 1, "r"));
        assertThat(catalogue.find("GREEN_POWER")).hasValueSatisfying(p -> {
            assertThat(p.retired()).isTrue();
            assertThat(p.rule()).isEqualTo(MarketProducts.defaultRules().get(MarketProducts.defaultRules().size() - 1));
        });
    }
}
