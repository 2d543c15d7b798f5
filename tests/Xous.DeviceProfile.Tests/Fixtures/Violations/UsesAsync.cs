namespace Violations;

public static class UsesAsync
{
    public static async void Fire()
    {
        await System.Threading.Tasks.Task.Yield();
    }
}
