using System;
using System.Collections.Generic;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Equals/GetHashCode overrides with deterministic hash codes, == operators, object.Equals, and use as dictionary keys.</summary>
public static class ClassEqualsOverride
{
    private sealed class Money : IEquatable<Money>
    {
        public Money(string currency, long cents)
        {
            Currency = currency;
            Cents = cents;
        }

        public string Currency { get; }

        public long Cents { get; }

        public static bool operator ==(Money? a, Money? b) => a is null ? b is null : a.Equals(b);

        public static bool operator !=(Money? a, Money? b) => !(a == b);

        public bool Equals(Money? other) => other is not null && other.Currency == Currency && other.Cents == Cents;

        public override bool Equals(object? obj) => obj is Money m && Equals(m);

        public override int GetHashCode()
        {
            int h = 17;
            foreach (char c in Currency.AsSpan())
            {
                h = (h * 31) + c;
            }

            return (h * 31) + (int)Cents + (int)(Cents >> 32);
        }
    }

    public static int Main()
    {
        var a = new Money("EUR", 150);
        var b = new Money("EUR", 150);
        var c = new Money("CHF", 150);
        Transcript.WriteLine(ReferenceEquals(a, b));
        Transcript.WriteLine(a == b);
        Transcript.WriteLine(a != c);
        Transcript.WriteLine(a.Equals(b));
        Transcript.WriteLine(a.Equals((object)b));
        Transcript.WriteLine(a.Equals("EUR"));
        Transcript.WriteLine(object.Equals(a, b));
        Transcript.WriteLine(object.Equals(null, b));
        Transcript.WriteLine(object.Equals(null, null));
        Transcript.WriteLine(a.GetHashCode());
        Transcript.WriteLine(b!.GetHashCode() == a.GetHashCode());
        Transcript.WriteLine(c.GetHashCode());

        var prices = new Dictionary<Money, string>();
        prices[a] = "first";
        prices[b] = "second";
        prices[c] = "third";
        Transcript.WriteLine(prices.Count);
        Transcript.WriteLine(prices[new Money("EUR", 150)]);
        Transcript.WriteLine(prices.ContainsKey(new Money("CHF", 151)));
        var set = new HashSet<Money> { a, b, c, new Money("CHF", 150) };
        Transcript.WriteLine(set.Count);
        Money? none = null;
        Transcript.WriteLine(none == null);
        Transcript.WriteLine(a == none);
        return 0;
    }
}
