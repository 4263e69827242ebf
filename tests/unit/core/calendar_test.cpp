// ISO 8601 dates and times: what Unload stores, prints and serves.

#include <gtest/gtest.h>

#include "core/calendar.hpp"

namespace unload::core {
namespace {

using namespace std::chrono;

TEST(Calendar, FormatsTimestampsAndDays) {
    const Timestamp at = sys_days{2026y / November / 22} + hours{8} + minutes{5} + seconds{9};
    EXPECT_EQ(iso_timestamp(at), "2026-11-22T08:05:09Z");
    EXPECT_EQ(iso_day(sys_days{2026y / February / 3}), "2026-02-03");
}

TEST(Calendar, ReadsTimestampsWithAndWithoutZones) {
    const Timestamp utc = sys_days{2026y / November / 22} + hours{8};
    EXPECT_EQ(parse_iso_timestamp("2026-11-22T08:00:00Z"), utc);
    EXPECT_EQ(parse_iso_timestamp("2026-11-22T08:00:00"), utc);
    EXPECT_EQ(parse_iso_timestamp("2026-11-22T09:30:00+01:30"), utc);
    EXPECT_EQ(parse_iso_timestamp("2026-11-22T03:00:00-05:00"), utc);
}

TEST(Calendar, RejectsMalformedTimes) {
    for (const auto* text :
         {"", "2026-11-22", "2026-11-22 08:00:00", "2026-11-22T24:00:00Z", "2026-13-01T00:00:00Z",
          "2026-11-22T08:00:00+0100", "2026-11-22T08:00:00Q", "2026-02-30T08:00:00Z"})
        EXPECT_FALSE(parse_iso_timestamp(text)) << text;
}

TEST(Calendar, ReadsOnlyRealDays) {
    EXPECT_EQ(parse_iso_day("2028-02-29"), sys_days{2028y / February / 29});
    EXPECT_FALSE(parse_iso_day("2026-02-29"));
    EXPECT_FALSE(parse_iso_day("2026-1-01"));
    EXPECT_FALSE(parse_iso_day("2026-01-01x"));
}

TEST(Calendar, NumbersWeekdaysFromMonday) {
    EXPECT_EQ(iso_weekday(sys_days{2026y / November / 23}), 1); // A Monday.
    EXPECT_EQ(iso_weekday(sys_days{2026y / November / 22}), 7); // A Sunday.
}

} // namespace
} // namespace unload::core
