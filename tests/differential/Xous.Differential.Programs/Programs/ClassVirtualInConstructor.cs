using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>A virtual call from a base constructor reaches the derived override before the derived constructor body ran.</summary>
public static class ClassVirtualInConstructor
{
    private class Widget
    {
        public Widget()
        {
            Transcript.WriteLine("Widget ctor calls Describe: " + Describe());
            Initialize();
        }

        public virtual string Describe() => "widget";

        protected virtual void Initialize() => Transcript.WriteLine("Widget.Initialize");
    }

    private sealed class Button : Widget
    {
        private readonly string _initialized = "field-init";
        private string? _label;
        private int _clicks;

        public Button(string label)
        {
            Transcript.WriteLine("Button ctor body");
            _label = label;
        }

        public override string Describe() => "button(" + (_label ?? "null") + ", " + _initialized + ", " + _clicks + ")";

        protected override void Initialize()
        {
            Transcript.WriteLine("Button.Initialize");
            _clicks = 5;
            _label ??= "set-in-initialize";
        }
    }

    public static int Main()
    {
        var b = new Button("ok");
        Transcript.WriteLine(b.Describe());
        Widget w = new Widget();
        Transcript.WriteLine(w.Describe());
        return 0;
    }
}
