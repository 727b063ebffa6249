package com.poly.daas.contract.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegionTest {

    @ParameterizedTest
    @CsvSource({"US,NORTH_AMERICA,USD", "MX,NORTH_AMERICA,USD", "CA,NORTH_AMERICA,CAD", "GB,EMEA,GBP", "FR,EMEA,EUR",
            "CH,EMEA,EUR", "AE,EMEA,EUR", "ZA,EMEA,EUR", "NG,EMEA,EUR", "SA,EMEA,EUR"})
    void P2_regionAndCurrencyFollowTheCountry(String country, Region region, String currency) {
        assertThat(Region.of(country)).contains(region);
        assertThat(Region.currencyOf(country)).isEqualTo(currency);
    }

    @ParameterizedTest
    @CsvSource({"BR", "JP", "AU", "IN", "CN", "AR", "NZ", "SG"})
    void P2_countriesOutsideNorthAmericaAndEmeaHaveNoRegion(String country) {
        assertThat(Region.isIsoCountry(country)).isTrue();
        assertThat(Region.of(country)).isEmpty();
        assertThatThrownBy(() -> Region.currencyOf(country)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("P2");
    }

    @Test
    void P2_theTableHoldsOnlyIsoCodesAndNoCountryTwice() {
        Set<String> all = new HashSet<>();
        for (Set<String> part : Set.of(Region.NORTH_AMERICA_COUNTRIES, Region.EUROPE, Region.MIDDLE_EAST, Region.AFRICA)) {
            for (String country : part) {
                assertThat(Region.isIsoCountry(country)).as(country).isTrue();
                assertThat(all.add(country)).as(country + " listed once").isTrue();
            }
        }
        assertThat(Region.AFRICA).hasSizeGreaterThanOrEqualTo(54);
        assertThat(Region.isIsoCountry("ZZ")).isFalse();
        assertThat(Region.of(null)).isEmpty();
    }
}
