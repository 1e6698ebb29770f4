use rceval_interp::text::str_methods::*;
use std::io::Write;
fn main() {
    let out = std::io::stdout();
    let mut o = std::io::BufWriter::new(out.lock());
    for c in 0u32..0x110000 {
        let Some(ch) = char::from_u32(c) else {
            continue;
        };
        let s = ch.to_string();
        let hexs = |t: &str| {
            t.chars()
                .map(|c| format!("{:x}", c as u32))
                .collect::<Vec<_>>()
                .join(".")
        };
        let b = |v: bool| if v { '1' } else { '0' };
        let id2 = format!("a{s}");
        writeln!(
            o,
            "{:x} {} {} {} {} {}{}{}{}{}{}{}{}{}{}{}{} {}",
            c,
            hexs(&upper(&s)),
            hexs(&lower(&s)),
            hexs(&title(&s)),
            hexs(&casefold(&s)),
            b(isalpha(&s)),
            b(isdecimal(&s)),
            b(isdigit(&s)),
            b(isnumeric(&s)),
            b(isprintable(&s)),
            b(islower(&s)),
            b(isupper(&s)),
            b(istitle(&s)),
            b(isidentifier(&s)),
            b(isidentifier(&id2)),
            b(isspace(&s)),
            b(isalnum(&s)),
            hexs(&str_repr(&s))
        )
        .unwrap();
    }
}
