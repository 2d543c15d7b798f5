using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Auto-properties, properties with backing fields and validation, init-only, computed and static properties.</summary>
public static class ClassProperties
{
    private sealed class Account
    {
        private long _balance;

        public Account(string owner)
        {
            Owner = owner;
            Count++;
        }

        public static int Count { get; private set; }

        public string Owner { get; }

        public int Id { get; init; }

        public string Note { get; set; } = "none";

        public long Balance
        {
            get => _balance;
            set
            {
                Transcript.WriteLine("set Balance " + value);
                _balance = value < 0 ? 0 : value;
            }
        }

        public bool IsRich => _balance >= 1_000_000;

        public int Changes { get; private set; }

        public void Deposit(long amount)
        {
            Balance += amount;
            Changes++;
        }
    }

    public static int Main()
    {
        var a = new Account("ann") { Id = 7 };
        var b = new Account("bob") { Id = 8, Note = "vip" };
        Transcript.WriteLine(Account.Count);
        Transcript.WriteLine(a.Owner + " " + a.Id + " " + a.Note);
        Transcript.WriteLine(b.Owner + " " + b.Id + " " + b.Note);
        a.Deposit(500);
        a.Deposit(999_500);
        Transcript.WriteLine(a.Balance);
        Transcript.WriteLine(a.IsRich);
        Transcript.WriteLine(a.Changes);
        a.Balance = -5;
        Transcript.WriteLine(a.Balance);
        Transcript.WriteLine(a.IsRich);
        b.Balance++;
        b.Balance *= 3;
        Transcript.WriteLine(b.Balance);
        b.Note += "+gold";
        Transcript.WriteLine(b.Note);
        return 0;
    }
}
