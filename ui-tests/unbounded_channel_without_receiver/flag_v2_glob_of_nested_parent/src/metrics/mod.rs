use crossbeam_channel::unbounded;

mod gauges;
