using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>User-defined operators on a class: arithmetic, comparison, unary, true/false, implicit and explicit conversions.</summary>
public static class ClassOperators
{
    private sealed class Fraction
    {
        public Fraction(long num, long den)
        {
            if (den < 0)
            {
                num = -num;
                den = -den;
            }

            long g = Gcd(num < 0 ? -num : num, den);
            Num = g == 0 ? num : num / g;
            Den = g == 0 ? den : den / g;
        }

        public long Num { get; }

        public long Den { get; }

        public static Fraction operator +(Fraction a, Fraction b) => new(a.Num * b.Den + b.Num * a.Den, a.Den * b.Den);

        public static Fraction operator -(Fraction a, Fraction b) => new(a.Num * b.Den - b.Num * a.Den, a.Den * b.Den);

        public static Fraction operator *(Fraction a, Fraction b) => new(a.Num * b.Num, a.Den * b.Den);

        public static Fraction operator /(Fraction a, Fraction b) => new(a.Num * b.Den, a.Den * b.Num);

        public static Fraction operator -(Fraction a) => new(-a.Num, a.Den);

        public static bool operator <(Fraction a, Fraction b) => a.Num * b.Den < b.Num * a.Den;

        public static bool operator >(Fraction a, Fraction b) => b < a;

        public static bool operator true(Fraction a) => a.Num != 0;

        public static bool operator false(Fraction a) => a.Num == 0;

        public static Fraction operator &(Fraction a, Fraction b) => a.Num == 0 ? a : b;

        public static Fraction operator |(Fraction a, Fraction b) => a.Num != 0 ? a : b;

        public static implicit operator Fraction(long whole) => new(whole, 1);

        public static explicit operator long(Fraction f) => f.Num / f.Den;

        public override string ToString() => Den == 1 ? Num.ToString() : Num + "/" + Den;

        private static long Gcd(long a, long b)
        {
            while (b != 0)
            {
                (a, b) = (b, a % b);
            }

            return a;
        }
    }

    public static int Main()
    {
        var half = new Fraction(1, 2);
        var third = new Fraction(2, -6);
        Transcript.WriteLine(half.ToString());
        Transcript.WriteLine(third.ToString());
        Transcript.WriteLine((half + third).ToString());
        Transcript.WriteLine((half - third).ToString());
        Transcript.WriteLine((half * third).ToString());
        Transcript.WriteLine((half / third).ToString());
        Transcript.WriteLine((-half).ToString());
        Fraction three = 3;
        Transcript.WriteLine((three + half).ToString());
        Transcript.WriteLine((long)(three + half + half + half));
        Transcript.WriteLine(half < third);
        Transcript.WriteLine(half > third);
        Fraction sum = 0;
        for (int i = 1; i <= 10; i++)
        {
            sum += new Fraction(1, i * (i + 1));
        }

        Transcript.WriteLine(sum.ToString());
        Fraction zero = half - half;
        Transcript.WriteLine(zero ? "truthy" : "falsy");
        Transcript.WriteLine(half ? "truthy" : "falsy");
        Transcript.WriteLine((zero && half).ToString());
        Transcript.WriteLine((half || zero).ToString());
        return 0;
    }
}
