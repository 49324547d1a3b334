// Named inputs for the value form: records reflected by Boost.Hana (BOOST_HANA_DEFINE_STRUCT and
// BOOST_HANA_ADAPT_STRUCT), their field names and values, ctnn::evaluate on a record (at compile
// time and at run time), reference functions of a record, CTNN_VERIFY_RECORD, and truth tables
// printed with the field names as column headers.
#include <array>
#include <boost/hana/adapt_struct.hpp>
#include <boost/hana/define_struct.hpp>
#include <boost/hana/string.hpp>
#include <catch2/catch.hpp>
#include <climits>
#include <ctnn/record.hpp>
#include <ctnn/runtime.hpp>
#include <string>
#include <string_view>
#include <type_traits>

namespace {

struct product {
  BOOST_HANA_DEFINE_STRUCT(product, (int, design), (int, quality));
};

// A field name long enough that "name=value" does not fit in a fixed buffer of 96 characters.
struct verbose {
  BOOST_HANA_DEFINE_STRUCT(
      verbose,
      (long long, the_number_of_items_ordered_by_the_customer_before_the_discount_was_applied_to_them),
      (double, x));
};

}  // namespace

// A plain struct adapted from outside, with fields of different types.
namespace sensors {
struct reading {
  short temperature;
  bool alarm;
  long long count;
};
}  // namespace sensors
BOOST_HANA_ADAPT_STRUCT(sensors::reading, temperature, alarm, count);

namespace {

constexpr auto buy = ctnn::network(ctnn::dense<2, 2>({{5, 5}, {-5, -5}}, {-5, 5}, ctnn::relu),
                                   ctnn::dense<2, 1>({{-10, -10}}, {10}, ctnn::relu));

// temperature - 10 * alarm + count, and its double.
constexpr auto gauge = ctnn::network(ctnn::dense<3, 2>({{1, -10, 1}, {2, -20, 2}}, {0, 0}));

CTNN_VERIFY_RECORD(product, buy, ctnn::truth_table_of([](product p) { return p.design != p.quality; }),
                   ctnn::above(0));
CTNN_VERIFY_RECORD(product, buy, ctnn::table({0, 10, 10, 0}), ctnn::exact);
// a function of the values works too, and any domain
CTNN_VERIFY_RECORD(product, buy, ctnn::truth_table_of([](int d, int q) { return d + q == 1 ? 10 : 0; }),
                   ctnn::exact, ctnn::uniform_domain<2>({0, 1, 2}));

}  // namespace

TEST_CASE("records: fields, names and values", "[record]") {
  STATIC_REQUIRE(ctnn::record<product>);
  STATIC_REQUIRE(ctnn::record<sensors::reading>);
  STATIC_REQUIRE(!ctnn::record<int>);
  STATIC_REQUIRE(!ctnn::record<std::array<int, 2>>);
  STATIC_REQUIRE(ctnn::field_count_v<product> == 2);
  STATIC_REQUIRE(ctnn::field_count_v<sensors::reading> == 3);
  STATIC_REQUIRE(ctnn::field_names<product>() == std::array<std::string_view, 2>{"design", "quality"});
  STATIC_REQUIRE(ctnn::field_names<sensors::reading>()[1] == "alarm");
  STATIC_REQUIRE(
      std::is_same_v<ctnn::field_name_t<product, 0>, boost::hana::string<'d', 'e', 's', 'i', 'g', 'n'>>);
  constexpr product p{1, 0};
  STATIC_REQUIRE(ctnn::get_field<0>(p) == 1);
  STATIC_REQUIRE(ctnn::to_inputs<int>(p) == std::array{1, 0});
  STATIC_REQUIRE(ctnn::to_inputs<double>(sensors::reading{21, true, 4}) == std::array{21.0, 1.0, 4.0});
  constexpr auto q = ctnn::to_record<product>(std::array{0, 1});
  STATIC_REQUIRE(q.design == 0 && q.quality == 1);
  constexpr auto r = ctnn::make_record<sensors::reading>(20, 0, 7);
  STATIC_REQUIRE(r.temperature == 20 && !r.alarm && r.count == 7);
}

TEST_CASE("evaluate on a record: field order is input order", "[record]") {
  STATIC_REQUIRE(ctnn::evaluate(buy, product{0, 1}) == std::array{10});
  STATIC_REQUIRE(ctnn::evaluate(buy, product{1, 1}) == std::array{0});
  STATIC_REQUIRE(ctnn::evaluate(gauge, sensors::reading{21, true, 4}) == std::array{15, 30});
  volatile int design = 1;
  CHECK(ctnn::evaluate(buy, product{design, 0}) == std::array{10});
  CHECK(ctnn::evaluate(gauge, sensors::reading{static_cast<short>(design), false, 2}) == std::array{3, 6});
}

TEST_CASE("a reference function of a record", "[record]") {
  constexpr ctnn::record_function<product, bool (*)(product)> differ{
      [](product p) { return p.design != p.quality; }};
  STATIC_REQUIRE(differ(0, 1));
  STATIC_REQUIRE(!differ(1, 1));
  // in ctnn::verify: the record's spec becomes one of values
  constexpr auto ok = ctnn::verify(buy, ctnn::truth_table_of(differ), ctnn::above(0));
  STATIC_REQUIRE(ok.passed);
}

TEST_CASE("CTNN_VERIFY_RECORD at block scope", "[record]") {
  CTNN_VERIFY_RECORD(product, buy,
                     ctnn::truth_table_of([](const product& p) { return p.design + p.quality == 1; }),
                     ctnn::above(0));
  CTNN_VERIFY_RECORD(sensors::reading, gauge, ctnn::truth_table_of([](const sensors::reading& s) {
                       const int t = s.temperature - 10 * s.alarm + static_cast<int>(s.count);
                       return std::array{t, 2 * t};
                     }),
                     ctnn::exact);
  SUCCEED();
}

TEST_CASE("truth tables print with the field names as column headers", "[record]") {
  CHECK(ctnn::format_truth_table<product>(buy) ==
        "design quality | output\n"
        "     0       0 |      0\n"
        "     0       1 |     10\n"
        "     1       0 |     10\n"
        "     1       1 |      0\n");
  const auto decision =
      ctnn::decision_column("decision", [](const auto& y) { return y[0] > 0 ? "buy" : "not buy"; });
  CHECK(ctnn::format_truth_table<product>(buy, ctnn::uniform_domain<2>({0, 2}), {"score"}, decision) ==
        "design quality | score | decision\n"
        "     0       0 |     0 | not buy\n"
        "     0       2 |     0 | not buy\n"
        "     2       0 |     0 | not buy\n"
        "     2       2 |     0 | not buy\n");
  // several outputs: output0, output1 unless named; wide values widen their column
  CHECK(ctnn::format_truth_table<sensors::reading>(gauge, ctnn::make_domain({-100, 5}, {0, 1}, {0}),
                                                   {"level"}) ==
        "temperature alarm count | level output1\n"
        "       -100     0     0 |  -100    -200\n"
        "       -100     1     0 |  -110    -220\n"
        "          5     0     0 |     5      10\n"
        "          5     1     0 |    -5     -10\n");
}

TEST_CASE("diagnostics show every field's name and value in full", "[record]") {
  constexpr std::array values{ctnn::detail::to_diagnostic(LLONG_MIN),
                              ctnn::detail::to_diagnostic(-1.234567891e-308)};
  constexpr auto texts = ctnn::detail::field_texts<verbose>(values);
  STATIC_REQUIRE(std::string_view(texts[0].text, texts[0].length) ==
                 "the_number_of_items_ordered_by_the_customer_before_the_discount_was_applied_to_them="
                 "-9223372036854775808");
  STATIC_REQUIRE(std::string_view(texts[1].text, texts[1].length) == "x=-1.234567891e-308");
  STATIC_REQUIRE(texts[0].length > 96);
}

TEST_CASE("format_columns aligns numbers right and words left", "[record]") {
  const std::string text = ctnn::format_columns({{{"a", {"1", "100"}}}, {{"word", {"x", "longer"}, true}}});
  CHECK(text ==
        "  a | word\n"
        "  1 | x\n"
        "100 | longer\n");
  CHECK(ctnn::cell_text(0.5) == "0.5");
  CHECK(ctnn::cell_text(true) == "1");
  CHECK(ctnn::cell_text(-3LL) == "-3");
}
