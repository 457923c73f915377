# The Elixir twin of `sidebyside.Comparison --single-and-pool`: step 7.3's workload on the
# book's code, first with its one database process (7.3.2), then with the pool of three workers
# of exercise 7.3.5, in one VM as the Java twin runs both in one JVM. Run by
# side-by-side's `exec:exec@comparison -Dcomparison.args="--vs-elixir N"`, or by hand:
#   elixir ch7-3-4-pooling/src/elixir/comparison.exs
persistence = Path.expand("../../../ch7-3-persistence/src/elixir", __DIR__)

# The book's Todo.List is step 7.1's twin, kept there.
Code.require_file("../../../ch7-1-mix-project/src/elixir/todo_list.exs", __DIR__)

for file <- ~w(todo_database.ex todo_server.ex todo_cache.ex workload.ex) do
  Code.require_file(file, persistence)
end

one = Bottleneck.cap()
three = Bottleneck.cap(3)

first = Bottleneck.fresh_folder("comparison")
single = Bottleneck.run("one database process: ", fn -> [Process.whereis(Todo.Database)] end)
GenServer.stop(Todo.Database)

# 7.3.5 replaces Todo.Database and adds Todo.DatabaseWorker; the server and the cache stay.
Code.compiler_options(ignore_module_conflict: true)
Code.require_file("todo_database_worker.ex", __DIR__)
Code.require_file("todo_database.ex", __DIR__)

second = Bottleneck.fresh_folder("comparison")
pool = Bottleneck.run("pool of 3: ", fn -> Map.values(:sys.get_state(Todo.Database)) end)

IO.puts("pool / single #{:erlang.float_to_binary(pool / single, decimals: 2)}x")

# The disk's pace drifts: each cap is the mean of a measure before the runs and one after.
Bottleneck.print_mean_cap(one, Bottleneck.cap(), 1)
Bottleneck.print_mean_cap(three, Bottleneck.cap(3), 3)

# The scratch folders go, as the Java twin's do.
File.cd!(System.tmp_dir!())
Enum.each([first, second], &File.rm_rf!/1)
