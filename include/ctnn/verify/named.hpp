/// @file verify/named.hpp
/// `CTNN_VERIFY_RECORD(Record, net, spec, rule[, dom])`: CTNN_VERIFY with the inputs named by a
/// record's fields, an alias of `CTNN_VERIFY(net, spec, rule, ctnn::named<Record>(dom))`.
#pragma once

#include <ctnn/record/record.hpp>
#include <ctnn/spec/domain.hpp>
#include <ctnn/spec/named.hpp>
#include <ctnn/verify/verify.hpp>

namespace ctnn::detail {

/// The task of `CTNN_VERIFY_RECORD(R, net, spec, rule[, dom])`: the domain named by R's fields.
template <class R, class Net, class Spec, class Rule, class Dom>
constexpr auto make_record_task(const Net& net, const Spec& spec, const Rule& rule, const Dom& dom) {
  if constexpr (!check_record_fields<R, Net::input_size>())
    return invalid_task{};  // the named error is shown
  else
    return make_task(net, spec, rule, named<R>(dom));
}
template <class R, class Net, class Spec, class Rule>
constexpr auto make_record_task(const Net& net, const Spec& spec, const Rule& rule) {
  return make_record_task<R>(net, spec, rule, boolean_inputs<Net::input_size>);
}

}  // namespace ctnn::detail

/// `CTNN_VERIFY_RECORD(Record, net, spec, rule)` or `CTNN_VERIFY_RECORD(Record, net, spec, rule, domain)`:
/// CTNN_VERIFY with the inputs named by the record's fields, an alias of
/// `CTNN_VERIFY(net, spec, rule, ctnn::named<Record>(domain))` (default domain {0,1}^inputs). A
/// reference function may take the record (`ctnn::truth_table_of([](product p) { ... })`).
#define CTNN_VERIFY_RECORD(Record, ...) \
  CTNN_DETAIL_VERIFY(CTNN_DETAIL_CONCAT(ctnn_record_verification_, __COUNTER__), \
                     ::ctnn::detail::make_record_task<Record>(__VA_ARGS__))
