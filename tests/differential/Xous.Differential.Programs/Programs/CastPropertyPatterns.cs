using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Property, positional, relational, list and logical patterns in switch expressions and is-expressions.</summary>
public static class CastPropertyPatterns
{
    private sealed class Order
    {
        public string Customer { get; init; } = "";

        public int Quantity { get; init; }

        public Address? Ship { get; init; }
    }

    private sealed class Address
    {
        public string Country { get; init; } = "";

        public int Zip { get; init; }
    }

    private readonly struct Vec
    {
        public Vec(int x, int y)
        {
            X = x;
            Y = y;
        }

        public int X { get; }

        public int Y { get; }

        public void Deconstruct(out int x, out int y)
        {
            x = X;
            y = Y;
        }
    }

    public static int Main()
    {
        Order[] orders =
        {
            new() { Customer = "ann", Quantity = 0 },
            new() { Customer = "bob", Quantity = 5, Ship = new Address { Country = "CH", Zip = 8001 } },
            new() { Customer = "cy", Quantity = 500, Ship = new Address { Country = "DE", Zip = 10115 } },
            new() { Customer = "", Quantity = 3 },
            new() { Customer = "dan", Quantity = 50, Ship = new Address { Country = "CH", Zip = 1200 } },
        };
        foreach (Order o in orders)
        {
            Transcript.WriteLine(Classify(o));
        }

        Vec[] vecs = { new(0, 0), new(3, 0), new(0, -2), new(5, 5), new(-1, 7) };
        foreach (Vec v in vecs)
        {
            Transcript.WriteLine(Where(v));
        }

        int[][] lists = { new int[0], new[] { 1 }, new[] { 1, 2 }, new[] { 1, 2, 3, 4 }, new[] { 9, 8, 7 } };
        foreach (int[] l in lists)
        {
            Transcript.WriteLine(Shape(l));
        }

        return 0;
    }

    private static string Classify(Order o) => o switch
    {
        { Quantity: 0 } => o.Customer + ": empty",
        { Customer: "" } => "anonymous",
        { Ship: { Country: "CH", Zip: >= 8000 and < 9000 } } => o.Customer + ": Zurich area",
        { Ship.Country: "CH" } => o.Customer + ": Switzerland",
        { Quantity: > 100, Ship: not null } => o.Customer + ": bulk to " + o.Ship.Country,
        _ => o.Customer + ": other",
    };

    private static string Where(Vec v) => v switch
    {
        (0, 0) => "origin",
        (_, 0) => "x axis",
        (0, _) => "y axis",
        var (x, y) when x == y => "diagonal " + x,
        { X: < 0 } => "left half",
        _ => "elsewhere",
    };

    private static string Shape(int[] l) => l switch
    {
        [] => "empty",
        [var only] => "one: " + only,
        [1, 2] => "exactly 1,2",
        [1, .., var last] => "starts with 1, ends with " + last,
        [var first, ..] => "starts with " + first,
    };
}
