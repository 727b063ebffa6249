package com.poly.daas.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The device lifecycle as plain rules (no Quarkus). */
class DeviceStatusTest {

    @Test
    void A2_polyPropertyAndRetiredAreTerminal() {
        for (DeviceStatus target : DeviceStatus.values()) {
            assertThat(DeviceStatus.POLY_PROPERTY.canMoveTo(target)).as("POLY_PROPERTY -> " + target).isFalse();
            assertThat(DeviceStatus.RETIRED.canMoveTo(target)).as("RETIRED -> " + target).isFalse();
        }
    }

    @Test
    void A2_aDeviceInReturnCanOnlyBecomePolyProperty() {
        assertThat(EnumSet.allOf(DeviceStatus.class).stream().filter(DeviceStatus.IN_RETURN::canMoveTo))
                .containsExactly(DeviceStatus.POLY_PROPERTY);
    }

    @Test
    void nothingGoesBackToRegisteredAndManualMovesAreInServiceOrRetired() {
        for (DeviceStatus from : DeviceStatus.values()) {
            assertThat(from.canMoveTo(DeviceStatus.REGISTERED)).isFalse();
        }
        assertThat(DeviceStatus.MANUAL_TARGETS).containsExactlyInAnyOrder(DeviceStatus.IN_SERVICE, DeviceStatus.RETIRED);
        assertThat(DeviceStatus.REGISTERED.canMoveTo(DeviceStatus.IN_SERVICE)).isTrue();
        assertThat(DeviceStatus.IN_SERVICE.canMoveTo(DeviceStatus.IN_RETURN)).isTrue();
        assertThat(DeviceStatus.IN_SERVICE.canMoveTo(DeviceStatus.RETIRED)).isTrue();
    }

    @Test
    void A4_eachPriceListHasOneCurrencyOfItsRegion() {
        assertThat(PriceList.currenciesOf(PriceList.Region.NORTH_AMERICA)).containsExactly("USD", "CAD");
        assertThat(PriceList.currenciesOf(PriceList.Region.EMEA)).containsExactly("EUR", "GBP");
        assertThat(PriceList.byId("EMEA-GBP")).contains(PriceList.EMEA_GBP);
        assertThat(PriceList.byId("emea-gbp")).isEmpty();
    }

    @Test
    void E3_voiceFollowsTheCategory() {
        assertThat(EnumSet.allOf(ModelCategory.class).stream().filter(ModelCategory::voice))
                .containsExactlyInAnyOrder(ModelCategory.DESK_PHONE, ModelCategory.CONFERENCE_PHONE, ModelCategory.HEADSET);
    }
}
