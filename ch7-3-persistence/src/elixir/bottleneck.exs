# The Elixir twin of todo.persistence.BottleneckDemo: the book's 7.3.2 code, unchanged, under
# the same workload. Run beside it by side-by-side's `exec:exec@persistence-load`, or by hand:
#   elixir ch7-3-persistence/src/elixir/bottleneck.exs
# The book's Todo.List is step 7.1's twin, kept there.
Code.require_file("../../../ch7-1-mix-project/src/elixir/todo_list.exs", __DIR__)

for file <- ~w(todo_database.ex todo_server.ex todo_cache.ex workload.ex) do
  Code.require_file(file, __DIR__)
end

before = Bottleneck.cap()
folder = Bottleneck.fresh_folder("bottleneck")
rate = Bottleneck.run("", fn -> [Process.whereis(Todo.Database)] end)
# The disk's pace drifts: the cap is measured on both sides of the run.
cap = Bottleneck.print_mean_cap(before, Bottleneck.cap(), 1)

IO.puts(
  "cap #{Bottleneck.thousands(cap)} writes/s; database #{Bottleneck.thousands(rate)} entries/s " <>
    "= #{round(100 * rate / cap)} % of the cap (the book's File.write! is not atomic)"
)

# The scratch folder goes, as the Java demo's does.
File.cd!(System.tmp_dir!())
File.rm_rf!(folder)
