// When the spawn's argument is a call (`spawn(chain::e1())`), the called
// fn's body is the task body, level 0: with `call_depth` 4 the loop in
// `e5`, four calls below it, belongs to the task; the loop in `f6`, five
// calls below `f1`, is beyond it.
mod chain;

pub fn four_below() {
    tokio::spawn(chain::e1()); //~ spawn_without_cancel
}

pub fn five_below() {
    tokio::spawn(chain::f1());
}
