using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>readonly structs and readonly members: defensive copies do not leak mutation, in-parameters, with-like copy helpers, equality.</summary>
public static class StructReadonly
{
    private readonly struct Money : IEquatable<Money>
    {
        public Money(long cents, string currency)
        {
            Cents = cents;
            Currency = currency;
        }

        public long Cents { get; }

        public string Currency { get; }

        public Money Add(Money other) => other.Currency == Currency ? new Money(Cents + other.Cents, Currency) : throw new InvalidOperationException("currency mismatch");

        public Money WithCents(long cents) => new(cents, Currency);

        public bool Equals(Money other) => Cents == other.Cents && Currency == other.Currency;

        public override bool Equals(object? obj) => obj is Money m && Equals(m);

        public override int GetHashCode() => (int)Cents ^ Currency.Length;

        public override string ToString() => (Cents / 100) + "." + Math.Abs(Cents % 100).ToString("D2") + " " + Currency;
    }

    private struct Mutable
    {
        public int Value;

        public void Increment() => Value++;

        public readonly int Peek() => Value;
    }

    private sealed class Holder
    {
        public readonly Mutable Field;
        public Mutable Writable;
    }

    public static int Main()
    {
        var a = new Money(1050, "CHF");
        var b = new Money(-275, "CHF");
        Transcript.WriteLine(a.Add(b).ToString());
        Transcript.WriteLine(a.WithCents(5).ToString() + " " + a.ToString());
        Transcript.WriteLine(a.Equals(new Money(1050, "CHF")) + " " + a.Equals(b));
        Transcript.WriteLine(Total(in a, in b).ToString());
        try
        {
            a.Add(new Money(1, "EUR"));
        }
        catch (InvalidOperationException e)
        {
            Transcript.WriteLine(e.Message);
        }

        var h = new Holder();
        h.Field.Increment();
        h.Field.Increment();
        h.Writable.Increment();
        h.Writable.Increment();
        Transcript.WriteLine(h.Field.Peek() + " " + h.Writable.Peek());
        Mutable local = h.Writable;
        local.Increment();
        Transcript.WriteLine(local.Value + " " + h.Writable.Value);
        Transcript.WriteLine(ReadIn(in h.Writable));
        return 0;
    }

    private static Money Total(in Money x, in Money y) => x.Add(y).Add(y);

    private static int ReadIn(in Mutable m)
    {
        m.Increment();
        return m.Value;
    }
}
