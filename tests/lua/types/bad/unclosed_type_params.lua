-- error: 2:12: '>' expected near '='
type Box<T = {value: T}
