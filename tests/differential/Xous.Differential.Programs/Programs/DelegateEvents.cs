using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Events: field-like events with add/remove, custom add/remove accessors, raising with ?.Invoke, and static events.</summary>
public static class DelegateEvents
{
    private sealed class Button
    {
        private Action<string>? _custom;

        public event Action<Button, int>? Clicked;

        public event Action<string> Custom
        {
            add
            {
                Transcript.WriteLine("add handler");
                _custom += value;
            }

            remove
            {
                Transcript.WriteLine("remove handler");
                _custom -= value;
            }
        }

        public static event Action? Created;

        public string Name { get; init; } = "";

        public static Button Create(string name)
        {
            var b = new Button { Name = name };
            Created?.Invoke();
            return b;
        }

        public void Click(int times)
        {
            for (int i = 1; i <= times; i++)
            {
                Clicked?.Invoke(this, i);
            }

            _custom?.Invoke(Name + " clicked " + times);
        }
    }

    public static int Main()
    {
        int created = 0;
        Action onCreated = () => created++;
        Button.Created += onCreated;
        Button ok = Button.Create("ok");
        Button cancel = Button.Create("cancel");
        Button.Created -= onCreated;
        Button.Create("ignored");
        Transcript.WriteLine(created);
        int clicks = 0;
        Action<Button, int> counter = (b, i) => clicks += i;
        Action<Button, int> logger = (b, i) => Transcript.WriteLine(b.Name + " #" + i);
        ok.Clicked += counter;
        ok.Clicked += logger;
        cancel.Clicked += logger;
        ok.Click(3);
        cancel.Click(1);
        Transcript.WriteLine(clicks);
        ok.Clicked -= logger;
        ok.Click(2);
        Transcript.WriteLine(clicks);
        Action<string> print = Transcript.WriteLine;
        ok.Custom += print;
        ok.Click(1);
        ok.Custom -= print;
        ok.Click(1);
        Transcript.WriteLine(clicks);
        return 0;
    }
}
